package io.noveltylens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;

import io.noveltylens.core.BackgroundResult;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.density.NeighbourList;

/**
 * Every passage's leave-one-out k nearest neighbours, found by the collection itself: the density statistics of a
 * corpus that no single machine holds. The passages are read back a page at a time (a cursor over the ordinals) and
 * each page's kNN searches run on {@value #SEARCHES_IN_FLIGHT} threads, so the cluster, not this client, bounds the
 * rate. Each search asks for the k + 1 best ordinals with their scores only (Lucene's dot-product score is
 * (1 + cos) / 2, exact to float precision, the precision distances are stored in), and drops the passage itself: a
 * response of a few hundred bytes instead of the hits' two vectors (40 KB). Only the neighbour lists and the passages'
 * ids (for writing their statistics back) stay in memory. The searches themselves bound this pass.
 */
final class SolrLeaveOneOut {

    /** Documents read back per page of the cursor. */
    private static final int PAGE = 500;
    /**
     * Searches sent at once: the client only waits, so enough to keep every node's cores busy (docs/scale.md,
     * filling: 4 and 8 measured).
     */
    private static final int SEARCHES_IN_FLIGHT = 8;
    /**
     * HNSW candidates per shard: 200 gave the local index's recall@10 (0.987 against 0.999 at 800) at about 60 % of
     * the time on the 69k-passage corpus over 2 shards (docs/scale.md, candidates per shard); queries keep 800.
     */
    static final int CANDIDATES_PER_SHARD = 200;

    /** Every passage's neighbours and id (by ordinal), and the median distance to the nearest one between unit vectors. */
    record Neighbours(NeighbourList[] lists, String[] ids, double neighbourDistance) {
    }

    private final CloudSolrClient client;
    private final SolrAddress address;
    private final int passages;
    private final int k;

    SolrLeaveOneOut(CloudSolrClient client, SolrAddress address, int k, int passages) {
        this.client = client;
        this.address = address;
        this.passages = passages;
        this.k = k;
    }

    Neighbours search(Progress progress) throws NoveltyException {
        progress.begin("Finding every passage's " + k + " nearest neighbours in the collection", passages);
        NeighbourList[] lists = new NeighbourList[passages];
        String[] ids = new String[passages];
        double[] nearest = new double[passages];
        ExecutorService pool = Executors.newFixedThreadPool(SEARCHES_IN_FLIGHT);
        try {
            String cursor = CursorMarkParams.CURSOR_MARK_START;
            while (true) {
                progress.checkCanceled();
                SolrQuery pageQuery = new SolrQuery("*:*")
                        .addFilterQuery(SolrFields.ORDINAL + ":[* TO *]")
                        .setFields(SolrFields.ID, SolrFields.ORDINAL, SolrFields.VECTOR).setRows(PAGE)
                        .setSort(SolrFields.ORDINAL, SolrQuery.ORDER.asc).addSort(SolrFields.ID, SolrQuery.ORDER.asc);
                pageQuery.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
                QueryResponse page = read(pageQuery, "Reading the passages back");
                List<Future<?>> searches = new ArrayList<>();
                for (SolrDocument passage : page.getResults()) {
                    searches.add(pool.submit(() -> {
                        int ordinal = SolrFields.ordinal(passage);
                        ids[ordinal] = (String) passage.getFirstValue(SolrFields.ID);
                        lists[ordinal] = neighbours(ordinal,
                                SolrFields.vector(passage.getFieldValues(SolrFields.VECTOR)),
                                nearest);
                        return null;
                    }));
                }
                for (Future<?> search : searches) {
                    BackgroundResult.await(search, "A leave-one-out search");
                }
                progress.worked(searches.size());
                if (cursor.equals(page.getNextCursorMark())) {
                    break;
                }
                cursor = page.getNextCursorMark();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < passages; i++) {
            if (lists[i] == null) {
                throw new NoveltyException(NoveltyException.Kind.INDEX, "Passage " + i + " is missing from the "
                        + address + " after its upload. Fill the collection again.");
            }
        }
        Arrays.sort(nearest);
        return new Neighbours(lists, ids, nearest[passages / 2]);
    }

    /** One passage's k nearest other passages, nearest first; records the distance to the nearest. */
    private NeighbourList neighbours(int ordinal, float[] unit, double[] nearest) throws NoveltyException {
        SolrQuery query = SolrFields.knn(SolrFields.VECTOR, unit, Math.max(CANDIDATES_PER_SHARD, k + 1))
                .setFields(SolrFields.ORDINAL, "score").setRows(k + 1);
        int[] ids = new int[k];
        float[] distances = new float[k];
        int count = 0;
        for (SolrDocument document : read(query, "The nearest-neighbour query of passage " + ordinal).getResults()) {
            int other = SolrFields.ordinal(document);
            if (other == ordinal || count == k) {
                continue;
            }
            // the hits come best first; Lucene's DOT_PRODUCT score is max(0, (1 + cos) / 2)
            double cosine = 2 * ((Number) document.getFirstValue("score")).doubleValue() - 1;
            ids[count] = other;
            // Euclidean distance between unit vectors, as the local index measures it
            distances[count++] = (float) Math.sqrt(Math.max(0, 2 - 2 * cosine));
        }
        if (count > 0) {
            nearest[ordinal] = distances[0];
        }
        return new NeighbourList(Arrays.copyOf(ids, count), Arrays.copyOf(distances, count));
    }

    private QueryResponse read(SolrQuery query, String what) throws NoveltyException {
        try {
            // a vector literal is too long for a URL
            return SolrReads.query(client, query, SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.failed(what, address, e);
        }
    }
}
