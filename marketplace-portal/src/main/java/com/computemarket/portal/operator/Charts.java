package com.computemarket.portal.operator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Bar charts as inline SVG, rendered here from numbers we computed (no user text), so the page needs no chart library.
 * Each bar has a title (tooltip, read by screen readers) and the chart a role and label.
 */
public final class Charts {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 160;
    private static final int BOTTOM = 20;

    private Charts() {
    }

    public record Bar(String label, BigDecimal value) {
    }

    public static String bars(String id, String title, String unit, List<Bar> bars) {
        BigDecimal max = bars.stream().map(Bar::value).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\" role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">", id, title, WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(title).append("</title>");
        int n = Math.max(1, bars.size());
        double slot = (double) WIDTH / n;
        double plot = HEIGHT - BOTTOM - 14;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = max.signum() == 0 ? 0 : bar.value().doubleValue() / max.doubleValue() * plot;
            double x = i * slot + slot * 0.15;
            double y = HEIGHT - BOTTOM - h;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1f5fbf\">"
                    + "<title>%s: %s %s</title></rect>", x, y, slot * 0.7, h, bar.label(), bar.value().toPlainString(), unit));
            if (n <= 16 || i % Math.ceil(n / 8.0) == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" fill=\"#5b6475\">%s</text>",
                        x, HEIGHT - 6, bar.label().substring(5)));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"11\" font-size=\"10\" fill=\"#1d2330\">max %s %s</text>",
                max.toPlainString(), unit));
        return svg.append("</svg>").toString();
    }
}
