package dev.processpool.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of a figure's samples, with their range and count, in the figure's unit. */
record Summary(double median, double min, double max, int n) {

    static Summary of(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int size = sorted.size();
        double median = size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(size - 1), size);
    }

    static Summary single(double value, int n) {
        return new Summary(value, value, value, n);
    }

    Summary scaled(double divisor) {
        return new Summary(median / divisor, min / divisor, max / divisor, n);
    }

    /** The nearest-rank quantile of a histogram of {@code [value, count]} pairs, as the Python side computes it. */
    static double quantile(List<double[]> histogram, double q) {
        List<double[]> sorted = new ArrayList<>(histogram);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        long total = sorted.stream().mapToLong(bin -> (long) bin[1]).sum();
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (double[] bin : sorted) {
            seen += (long) bin[1];
            if (seen >= rank) {
                return bin[0];
            }
        }
        throw new IllegalArgumentException("empty histogram");
    }
}
