package com.abcdashboard.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The report as a PNG (java.awt, headless): throughput of the maximum-throughput phases on the left,
 * p50 and p99 latency of every phase on the right, both on log scales, with the latency targets drawn.
 */
final class ResultsChart {
    private static final int WIDTH = 1500;
    private static final int ROW = 34;
    private static final int TOP = 70;
    private static final int LABEL = 210;
    private static final int PANEL = 440;
    private static final Color THROUGHPUT = new Color(0x3b6ea8);
    private static final Color P50 = new Color(0x9cc3e6);
    private static final Color P99 = new Color(0xd9822b);
    private static final Color GRID = new Color(0xdddddd);

    private ResultsChart() {}

    static void write(BenchReport report, Path png) throws IOException {
        List<PhaseResult> closedLoop = report.phases().stream()
                .filter(p -> p.ratioToBaseline() != null)
                .toList();
        List<PhaseResult> all = report.phases();
        int height = TOP + ROW * all.size() + 70;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(
                    format(
                            "ABC Dashboard API — bench/run %s, %s cores, bcrypt cost %d",
                            report.environment().getOrDefault("date", ""),
                            report.environment().getOrDefault("cores", "?"),
                            report.bcrypt().cost()),
                    20,
                    28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            throughputPanel(g, closedLoop, 10);
            latencyPanel(g, all, 10 + LABEL + PANEL + 150);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void throughputPanel(Graphics2D g, List<PhaseResult> phases, int left) {
        int x0 = left + LABEL;
        double max = phases.stream()
                .mapToDouble(PhaseResult::requestsPerSecond)
                .max()
                .orElse(1);
        // A decade and more of room right of the longest bar, for its label.
        LogScale scale = new LogScale(1, max * 30, x0, PANEL);
        caption(g, "req/s, wrk flat out (log scale), and % of the baseline", x0);
        axis(g, scale, phases.size(), "%.0f");
        for (int i = 0; i < phases.size(); i++) {
            PhaseResult p = phases.get(i);
            int y = TOP + i * ROW;
            label(g, p.title(), left, y);
            int x = scale.x(Math.max(1, p.requestsPerSecond()));
            g.setColor(THROUGHPUT);
            g.fillRect(x0, y + 6, Math.max(1, x - x0), ROW - 12);
            g.setColor(Color.BLACK);
            String value = p.requestsPerSecond() >= 100
                    ? format("%,.0f", p.requestsPerSecond())
                    : format("%.2f", p.requestsPerSecond());
            g.drawString(value + " (" + ResultsMarkdown.percent(p.ratioToBaseline()) + ")", x + 4, y + ROW / 2 + 4);
        }
    }

    private static void latencyPanel(Graphics2D g, List<PhaseResult> phases, int left) {
        int x0 = left + LABEL;
        double max = phases.stream().mapToDouble(PhaseResult::p99Ms).max().orElse(1);
        LogScale scale = new LogScale(0.1, Math.max(1000, max * 30), x0, PANEL);
        caption(g, "ms (log scale): p50 light, p99 dark; dashed: 20 and 50 ms", x0);
        axis(g, scale, phases.size(), "%.1f");
        for (double target : new double[] {BenchReport.P99_AT_80_TARGET_MS, BenchReport.FLOOD_P99_TARGET_MS}) {
            int x = scale.x(target);
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
            g.drawLine(x, TOP - 4, x, TOP + ROW * phases.size());
            g.setStroke(new BasicStroke(1));
        }
        for (int i = 0; i < phases.size(); i++) {
            PhaseResult p = phases.get(i);
            int y = TOP + i * ROW;
            label(g, p.title(), left, y);
            bar(g, scale, x0, y + 5, p, PhaseResult::p50Ms, P50);
            bar(g, scale, x0, y + ROW / 2, p, PhaseResult::p99Ms, P99);
            g.setColor(Color.BLACK);
            g.drawString(
                    format("%.2f / %.2f", p.p50Ms(), p.p99Ms()),
                    scale.x(Math.max(0.1, p.p99Ms())) + 4,
                    y + ROW / 2 + 8);
        }
    }

    private static void bar(
            Graphics2D g, LogScale scale, int x0, int y, PhaseResult p, ToDoubleFunction<PhaseResult> value, Color c) {
        int x = scale.x(Math.max(scale.min(), value.applyAsDouble(p)));
        g.setColor(c);
        g.fillRect(x0, y, Math.max(1, x - x0), ROW / 2 - 6);
    }

    private static void caption(Graphics2D g, String text, int x0) {
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x0, TOP - 14);
    }

    private static void axis(Graphics2D g, LogScale scale, int rows, String pattern) {
        int bottom = TOP + ROW * rows;
        for (double tick = scale.min(); tick <= scale.max(); tick *= 10) {
            int x = scale.x(tick);
            g.setColor(GRID);
            g.drawLine(x, TOP - 4, x, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawString(format(tick >= 1 ? "%,.0f" : pattern, tick), x - 8, bottom + 16);
        }
        g.setColor(Color.GRAY);
        g.drawLine(scale.x(scale.min()), TOP - 4, scale.x(scale.min()), bottom);
    }

    private static void label(Graphics2D g, String text, int left, int y) {
        g.setColor(Color.BLACK);
        g.drawString(text, left, y + ROW / 2 + 4);
    }

    private record LogScale(double min, double max, int x0, int width) {
        int x(double value) {
            double t = (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            return x0 + (int) Math.round(Math.max(0, Math.min(1, t)) * width);
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
