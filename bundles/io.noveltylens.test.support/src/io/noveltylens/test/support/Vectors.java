package io.noveltylens.test.support;

/** Dot products and cosines summed in double: the exact values the tests' oracles hold float vectors to. */
public final class Vectors {

    private Vectors() {
    }

    /** The dot product of two vectors of the same length. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** The dot product of two vectors of the same length. */
    public static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The cosine of the angle between two non-zero vectors of the same length, whatever their norms. */
    public static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }
}
