package io.cardwatch.review.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    @Test
    void drawsBarsScaledToTheLargestWithEscapedLabels() {
        String svg = SvgCharts.bars("volume", List.of(new SvgCharts.Bar("a<b", 2), new SvgCharts.Bar("c", 0)), 1);

        assertThat(svg).isEqualTo("<svg id=\"volume\" class=\"chart\" viewBox=\"0 0 640 200\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">"
                + "<rect class=\"bar\" x=\"59\" y=\"30\" width=\"232\" height=\"140\"><title>a&lt;b: 2</title></rect>"
                + "<text class=\"value\" x=\"175\" y=\"27\">2</text>"
                + "<text class=\"label\" x=\"175\" y=\"184\">a&lt;b</text>"
                + "<rect class=\"bar\" x=\"349\" y=\"170\" width=\"232\" height=\"0\"><title>c: 0</title></rect>"
                + "<text class=\"label\" x=\"465\" y=\"184\">c</text>"
                + "<line class=\"axis\" x1=\"30\" y1=\"170\" x2=\"610\" y2=\"170\"/></svg>");
    }

    @Test
    void drawsPointsInTimeOrderFromZeroUp() {
        String svg = SvgCharts.timeline("amounts", List.of(
                new SvgCharts.Point(Instant.parse("2026-11-20T10:00:00Z"), 50, "decline", "later"),
                new SvgCharts.Point(Instant.parse("2026-11-20T09:00:00Z"), 100, "approve", "earlier")), "EUR");

        assertThat(svg).isEqualTo("<svg id=\"amounts\" class=\"chart\" viewBox=\"0 0 640 200\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">"
                + "<polyline class=\"line\" points=\"30,30 610,100\"/>"
                + "<circle class=\"approve\" cx=\"30\" cy=\"30\" r=\"4\"><title>earlier</title></circle>"
                + "<circle class=\"decline\" cx=\"610\" cy=\"100\" r=\"4\"><title>later</title></circle>"
                + "<text class=\"label start\" x=\"30\" y=\"184\">2026-11-20T09:00:00Z</text>"
                + "<text class=\"label end\" x=\"610\" y=\"184\">2026-11-20T10:00:00Z</text>"
                + "<text class=\"label start\" x=\"30\" y=\"22\">100 EUR</text>"
                + "<line class=\"axis\" x1=\"30\" y1=\"170\" x2=\"610\" y2=\"170\"/></svg>");
    }

    @Test
    void drawsOnlyTheAxisWithoutData() {
        assertThat(SvgCharts.timeline("empty", List.of(), "EUR")).endsWith(
                "role=\"img\"><line class=\"axis\" x1=\"30\" y1=\"170\" x2=\"610\" y2=\"170\"/></svg>");
    }
}
