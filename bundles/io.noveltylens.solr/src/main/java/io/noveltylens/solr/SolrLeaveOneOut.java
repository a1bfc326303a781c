package io.noveltylens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
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

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.density.NeighbourList;

/**
 * Every passage's leave-one-out k nearest neighbours, found by the collection itself: the density statistics of a
 * corpus that no single machine holds. The passages are read back a page at a time (a cursor over the ordinals) and
 * each page's kNN searches run on {@value #SEARCHES_IN_FLIGHT} threads, so the cluster, not this client, bounds the
 * rate. Each search asks for k + 1 documents with their vectors, re-scores them with the exact cosine as the local
 * index does and drops the passage itself. Only the neighbour lists stay in memory (8 bytes per neighbour).
 */
final class SolrLeaveOneOut {

    /** Documents read back per page of the cursor. */
    private static final int PAGE = 500;
    /** Searches sent at once: enough to keep a few nodes busy; the client only waits. */
    private static final int SEARCHES_IN_FLIGHT = 4;

    /** Every passage's neighbours, and the median distance to the nearest one between raw vectors. */
    record Neighbours(NeighbourList[] lists, double rawNeighbourDistance) {
    }

    private final CloudSolrClient client;
    private final SolrAddress address;
    private final int passages;
    private final int k;

    SolrLeaveOneOut(CloudSolrClient client, SolrAddress address, int passages, int k) {
        this.client = client;
        this.address = address;
        this.passages = passages;
        this.k = k;
    }

    Neighbours search(Progress progress) throws NoveltyException {
        progress.begin("Finding every passage's " + k + " nearest neighbours in the collection", passages); //$NON-NLS-1$ //$NON-NLS-2$
        NeighbourList[] lists = new NeighbourList[passages];
        double[] rawNearest = new double[passages];
        ExecutorService pool = Executors.newFixedThreadPool(SEARCHES_IN_FLIGHT);
        try {
            String cursor = CursorMarkParams.CURSOR_MARK_START;
            while (true) {
                progress.checkCanceled();
                SolrQuery pageQuery = new SolrQuery("*:*") //$NON-NLS-1$
                        .addFilterQuery(SolrFields.ORDINAL + ":[* TO *]") //$NON-NLS-1$
                        .setFields(SolrFields.ORDINAL, SolrFields.VECTOR, SolrFields.RAW_VECTOR).setRows(PAGE)
                        .setSort(SolrFields.ORDINAL, SolrQuery.ORDER.asc).addSort(SolrFields.ID, SolrQuery.ORDER.asc);
                pageQuery.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
                QueryResponse page = read(pageQuery, "Reading the passages back"); //$NON-NLS-1$
                List<Future<?>> searches = new ArrayList<>();
                for (SolrDocument passage : page.getResults()) {
                    searches.add(pool.submit(() -> {
                        int ordinal = SolrFields.ordinal(passage);
                        float[] raw = SolrFields.vector(passage.getFieldValues(SolrFields.RAW_VECTOR));
                        lists[ordinal] = neighbours(ordinal, SolrFields.vector(passage.getFieldValues(SolrFields.VECTOR)),
                                raw, rawNearest);
                        return null;
                    }));
                }
                for (Future<?> search : searches) {
                    search.get();
                }
                progress.worked(searches.size());
                if (cursor.equals(page.getNextCursorMark())) {
                    break;
                }
                cursor = page.getNextCursorMark();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoveltyException failure) {
                throw failure;
            }
            throw new IllegalStateException("A neighbour search failed", e.getCause()); //$NON-NLS-1$
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < passages; i++) {
            if (lists[i] == null) {
                throw new NoveltyException(NoveltyException.Kind.INDEX, "Passage " + i + " is missing from the " //$NON-NLS-1$ //$NON-NLS-2$
                        + address + " after its upload. Fill the collection again."); //$NON-NLS-1$
            }
        }
        Arrays.sort(rawNearest);
        return new Neighbours(lists, rawNearest[passages / 2]);
    }

    /** One passage's k nearest other passages, nearest first; records the raw distance to the nearest. */
    private NeighbourList neighbours(int ordinal, float[] unit, float[] raw, double[] rawNearest)
            throws NoveltyException {
        SolrQuery query = new SolrQuery("{!knn f=" + SolrFields.VECTOR + " topK=" //$NON-NLS-1$ //$NON-NLS-2$
                + Math.max(SolrCorpusIndex.MIN_CANDIDATES, k + 1) + "}" + SolrFields.vectorLiteral(unit)) //$NON-NLS-1$
                .setFields(SolrFields.ORDINAL, SolrFields.VECTOR, SolrFields.RAW_VECTOR).setRows(k + 1);
        List<Hit> hits = new ArrayList<>(k + 1);
        for (SolrDocument document : read(query, "The nearest-neighbour query of passage " + ordinal).getResults()) { //$NON-NLS-1$
            int other = SolrFields.ordinal(document);
            if (other != ordinal) {
                hits.add(new Hit(other, SolrFields.dot(unit, SolrFields.vector(document.getFieldValues(SolrFields.VECTOR))),
                        SolrFields.vector(document.getFieldValues(SolrFields.RAW_VECTOR))));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::cosine).reversed());
        int count = Math.min(k, hits.size());
        int[] ids = new int[count];
        float[] distances = new float[count];
        for (int j = 0; j < count; j++) {
            ids[j] = hits.get(j).ordinal();
            // Euclidean distance between unit vectors, as the local index measures it
            distances[j] = (float) Math.sqrt(Math.max(0, 2 - 2 * hits.get(j).cosine()));
        }
        rawNearest[ordinal] = count == 0 ? 0 : distance(raw, hits.get(0).raw());
        return new NeighbourList(ids, distances);
    }

    private record Hit(int ordinal, double cosine, float[] raw) {
    }

    private QueryResponse read(SolrQuery query, String what) throws NoveltyException {
        try {
            // a vector literal is too long for a URL
            return SolrReads.query(client, query, SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.failed(what, address, e);
        }
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
