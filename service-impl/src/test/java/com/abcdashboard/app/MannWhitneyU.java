package com.abcdashboard.app;

import java.util.Arrays;

/**
 * The two-sided Mann–Whitney U test (Wilcoxon rank-sum) with the normal approximation, tie and
 * continuity corrections: are two samples drawn from one distribution? Good from about 20 values each.
 */
final class MannWhitneyU {
    private MannWhitneyU() {}

    /** The two-sided p-value of "x and y come from the same distribution". */
    static double pValue(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        int n = n1 + n2;
        double[][] all = new double[n][];
        for (int i = 0; i < n1; i++) {
            all[i] = new double[] {x[i], 0};
        }
        for (int i = 0; i < n2; i++) {
            all[n1 + i] = new double[] {y[i], 1};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        double rankSumX = 0;
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // the average rank of the tied run
            int t = j - i + 1;
            ties += (double) t * t * t - t;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 0) {
                    rankSumX += rank;
                }
            }
            i = j + 1;
        }
        double u = rankSumX - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
        if (variance == 0) {
            return 1;
        }
        double z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
        return Math.min(1, erfc(z / Math.sqrt(2)));
    }

    /** Coefficients of Numerical Recipes' Chebyshev fit of erfc, highest power last. */
    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    /** Complementary error function, |error| < 1.2e-7. */
    static double erfc(double z) {
        double t = 1 / (1 + 0.5 * Math.abs(z));
        double poly = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            poly = ERFC[i] + t * poly;
        }
        double r = t * Math.exp(-z * z + poly);
        return z >= 0 ? r : 2 - r;
    }
}
