package io.cardwatch.review.chart;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Small charts drawn on the server as inline SVG, so that pages need no chart library and no script. Every label
 * is escaped; the figures themselves are also on the page as text.
 */
public final class SvgCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    /** Room for the axis labels around the plot. */
    static final int MARGIN = 30;

    private SvgCharts() {
    }

    /** One bar: its label under it, its value over it. */
    public record Bar(String label, long value) {
    }

    /** One point of a time series; {@code kind} becomes its CSS class (an outcome, say). */
    public record Point(Instant time, double value, String kind, String title) {
    }

    /**
     * Vertical bars, scaled to the largest value, labelled under every {@code labelEvery}-th bar so that many
     * bars stay readable.
     */
    public static String bars(String id, List<Bar> bars, int labelEvery) {
        StringBuilder svg = open(id);
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        double plotWidth = WIDTH - 2.0 * MARGIN;
        double plotHeight = HEIGHT - 2.0 * MARGIN;
        double slot = bars.isEmpty() ? plotWidth : plotWidth / bars.size();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double height = max == 0 ? 0 : plotHeight * bar.value() / max;
            double x = MARGIN + i * slot;
            double y = MARGIN + plotHeight - height;
            svg.append("<rect class=\"bar\" x=\"").append(number(x + slot * 0.1)).append("\" y=\"").append(number(y))
                    .append("\" width=\"").append(number(slot * 0.8)).append("\" height=\"").append(number(height))
                    .append("\"><title>").append(escape(bar.label())).append(": ").append(bar.value())
                    .append("</title></rect>");
            if (bar.value() > 0) {
                text(svg, "value", x + slot / 2, y - 3, Long.toString(bar.value()));
            }
            if (i % Math.max(1, labelEvery) == 0) {
                text(svg, "label", x + slot / 2, HEIGHT - MARGIN + 14, bar.label());
            }
        }
        axis(svg);
        return svg.append("</svg>").toString();
    }

    /** Points in time order joined by a line, time along the bottom and value up the side from zero. */
    public static String timeline(String id, List<Point> points, String unit) {
        StringBuilder svg = open(id);
        if (!points.isEmpty()) {
            long first = points.stream().mapToLong(point -> point.time().toEpochMilli()).min().getAsLong();
            long last = points.stream().mapToLong(point -> point.time().toEpochMilli()).max().getAsLong();
            double max = points.stream().mapToDouble(Point::value).max().getAsDouble();
            List<Point> ordered = points.stream().sorted(java.util.Comparator.comparing(Point::time)).toList();
            StringBuilder line = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Point point : ordered) {
                double x = x(point.time().toEpochMilli(), first, last);
                double y = y(point.value(), max);
                line.append(line.isEmpty() ? "" : " ").append(number(x)).append(',').append(number(y));
                dots.append("<circle class=\"").append(escape(point.kind())).append("\" cx=\"").append(number(x))
                        .append("\" cy=\"").append(number(y)).append("\" r=\"4\"><title>").append(escape(point.title()))
                        .append("</title></circle>");
            }
            svg.append("<polyline class=\"line\" points=\"").append(line).append("\"/>").append(dots);
            // The first and last times and the top value sit at the plot's edges: aligned to stay inside it.
            text(svg, "label start", MARGIN, HEIGHT - MARGIN + 14, ordered.get(0).time().toString());
            text(svg, "label end", WIDTH - MARGIN, HEIGHT - MARGIN + 14, ordered.get(ordered.size() - 1).time().toString());
            text(svg, "label start", MARGIN, MARGIN - 8, number(max) + " " + unit);
        }
        axis(svg);
        return svg.append("</svg>").toString();
    }

    private static double x(long time, long first, long last) {
        double plotWidth = WIDTH - 2.0 * MARGIN;
        return last == first ? MARGIN + plotWidth / 2 : MARGIN + plotWidth * (time - first) / (last - first);
    }

    private static double y(double value, double max) {
        double plotHeight = HEIGHT - 2.0 * MARGIN;
        return max <= 0 ? MARGIN + plotHeight : MARGIN + plotHeight - plotHeight * value / max;
    }

    private static StringBuilder open(String id) {
        return new StringBuilder("<svg id=\"").append(escape(id)).append("\" class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">");
    }

    private static void axis(StringBuilder svg) {
        svg.append("<line class=\"axis\" x1=\"").append(MARGIN).append("\" y1=\"").append(HEIGHT - MARGIN)
                .append("\" x2=\"").append(WIDTH - MARGIN).append("\" y2=\"").append(HEIGHT - MARGIN).append("\"/>");
    }

    private static void text(StringBuilder svg, String cssClass, double x, double y, String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(number(x)).append("\" y=\"")
                .append(number(y)).append("\">").append(escape(text)).append("</text>");
    }

    /** At most one decimal, no trailing zero, never a locale's decimal comma. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
