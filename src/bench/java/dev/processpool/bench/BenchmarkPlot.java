package dev.processpool.bench;

import dev.processpool.bench.BenchmarkResults.Column;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;

/**
 * Draws the figures of a run as horizontal bars, one panel per figure, with java.awt in headless mode (no
 * plotting library needed). Within a panel every implementation and start method has a bar; a red mark on a
 * processpool bar is its target.
 */
final class BenchmarkPlot {
    private static final int WIDTH = 1400;
    private static final int COLUMNS = 2;
    private static final int PANEL_HEIGHT = 235;
    private static final int HEADER_HEIGHT = 95;
    private static final int MARGIN = 20;
    private static final int LABEL_WIDTH = 180;
    private static final int VALUE_WIDTH = 90;
    private static final Color TARGET = new Color(0xD0021B);
    private static final Map<Column, Color> COLORS = Map.of(
            Column.PROCESSPOOL_FORKSERVER, new Color(0x1F4E99),
            Column.PROCESSPOOL_SPAWN, new Color(0x6F9FD8),
            Column.CPYTHON_FORK, new Color(0x9C4A00),
            Column.CPYTHON_FORKSERVER, new Color(0xE67E22),
            Column.CPYTHON_SPAWN, new Color(0xF5B971));

    private final BenchmarkResults results;
    private final BiFunction<Figure, Column, Double> targets;
    private final Graphics2D g;

    private BenchmarkPlot(BenchmarkResults results, BiFunction<Figure, Column, Double> targets, Graphics2D g) {
        this.results = results;
        this.targets = targets;
        this.g = g;
    }

    /** One panel per figure of {@code shown}; {@code targets} gives processpool's target of a figure, or null. */
    static void write(BenchmarkResults results, List<Figure> shown, BiFunction<Figure, Column, Double> targets,
            String subtitle, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int rows = (shown.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(WIDTH, HEADER_HEIGHT + rows * PANEL_HEIGHT + MARGIN,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            BenchmarkPlot plot = new BenchmarkPlot(results, targets, g);
            plot.header(subtitle);
            int panelWidth = (WIDTH - MARGIN * (COLUMNS + 1)) / COLUMNS;
            Figure[] figures = shown.toArray(new Figure[0]);
            for (int i = 0; i < figures.length; i++) {
                int x = MARGIN + (i % COLUMNS) * (panelWidth + MARGIN);
                int y = HEADER_HEIGHT + (i / COLUMNS) * PANEL_HEIGHT;
                plot.panel(figures[i], x, y, panelWidth, PANEL_HEIGHT - MARGIN);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private void header(String subtitle) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        g.drawString("processpool vs CPython multiprocessing.Pool, same machine, same run", MARGIN, 34);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(subtitle, MARGIN, 58);
        int x = MARGIN;
        for (Column column : Column.values()) {
            g.setColor(COLORS.get(column));
            g.fillRect(x, 70, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(column.label(), x + 20, 82);
            x += 20 + g.getFontMetrics().stringWidth(column.label()) + 28;
        }
        g.setColor(TARGET);
        g.setStroke(new BasicStroke(3));
        g.drawLine(x + 6, 68, x + 6, 86);
        g.setColor(Color.BLACK);
        g.drawString("target (issue 19)", x + 16, 82);
    }

    private void panel(Figure figure, int x, int y, int width, int height) {
        g.setColor(new Color(0xF4F4F4));
        g.fillRect(x, y, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(figure.label, x + 10, y + 22);
        int titleWidth = g.getFontMetrics().stringWidth(figure.label);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(Color.DARK_GRAY);
        g.drawString("  " + figure.unit + ", " + figure.betterText(), x + 10 + titleWidth, y + 22);

        double max = axisMax(figure);
        int barsLeft = x + LABEL_WIDTH;
        int barsWidth = width - LABEL_WIDTH - VALUE_WIDTH;
        int top = y + 36;
        int rowHeight = (height - 44) / Column.values().length;
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(barsLeft, top - 2, barsLeft, top + rowHeight * Column.values().length);
        for (Column column : Column.values()) {
            int rowTop = top + column.ordinal() * rowHeight;
            int textBaseline = rowTop + rowHeight / 2 + 5;
            g.setColor(Color.BLACK);
            g.drawString(column.label(), x + 10, textBaseline);
            Summary s = results.get(column, figure);
            if (s == null) {
                g.setColor(Color.GRAY);
                g.drawString("not measured", barsLeft + 6, textBaseline);
                continue;
            }
            int barLength = (int) Math.round(barsWidth * s.median() / max);
            g.setColor(COLORS.get(column));
            g.fillRect(barsLeft, rowTop + 3, Math.max(1, barLength), rowHeight - 6);
            String label = Figure.format(s.median());
            int labelX = barsLeft + barLength + 6;
            Double target = column.isProcesspool() ? targets.apply(figure, column) : null;
            int targetX = target == null ? -1 : barsLeft + (int) Math.round(barsWidth * target / max);
            if (targetX >= labelX - 8 && targetX <= labelX + g.getFontMetrics().stringWidth(label)) {
                labelX = targetX + 6;   // keep the value clear of the target mark
            }
            g.setColor(Color.BLACK);
            g.drawString(label, labelX, textBaseline);
            if (target != null) {
                g.setColor(TARGET);
                g.setStroke(new BasicStroke(3));
                g.drawLine(targetX, rowTop, targetX, rowTop + rowHeight);
                g.setStroke(new BasicStroke(1));
            }
        }
    }

    /** The value at the right end of the bars: the largest median or target, with a little room. */
    private double axisMax(Figure figure) {
        double max = 0;
        for (Column column : Column.values()) {
            Summary s = results.get(column, figure);
            if (s != null) {
                max = Math.max(max, s.median());
            }
            Double target = column.isProcesspool() ? targets.apply(figure, column) : null;
            if (target != null) {
                max = Math.max(max, target);
            }
        }
        return max == 0 ? 1 : max * 1.02;
    }
}
