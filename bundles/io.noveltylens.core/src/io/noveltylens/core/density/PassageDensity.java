package io.noveltylens.core.density;

/**
 * One corpus passage's leave-one-out statistics that a query's LOF and LoOP read when the passage is among its
 * neighbours: all a query needs per neighbour, so a store can return them with the hits of a search instead of every
 * client holding every passage's.
 *
 * @param kDistance distance to the passage's k-th nearest other passage (Breunig et al. 2000, Def. 3)
 * @param lrd local reachability density (Breunig et al. 2000, Def. 6)
 * @param pdist probabilistic distance (Kriegel et al. 2009, Def. 2)
 */
public record PassageDensity(double kDistance, double lrd, double pdist) {
}
