using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RecordingGen.Benchmarks
{
    /// <summary>Four small line charts against the number of recordings, as a self-contained SVG.</summary>
    internal static class SvgPlot
    {
        public static string Draw(List<(int Files, double GenerationSeconds, double BuildSeconds, double PeakMb, double AssemblyMb)> rows)
        {
            var charts = new (string Title, Func<(int Files, double GenerationSeconds, double BuildSeconds, double PeakMb, double AssemblyMb), double> Value, string Unit)[]
            {
                ("Generation (driver)", row => row.GenerationSeconds, "s"),
                ("Clean build", row => row.BuildSeconds, "s"),
                ("Peak build memory", row => row.PeakMb, "MB"),
                ("Assembly size", row => row.AssemblyMb, "MB"),
            };
            const int Width = 300, Height = 220, Left = 50, Top = 30, PlotWidth = 230, PlotHeight = 150;
            var svg = new StringBuilder();
            svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Width * charts.Length).Append("\" height=\"").Append(Height)
               .Append("\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            double maxFiles = rows.Max(row => row.Files);
            for (int c = 0; c < charts.Length; c++)
            {
                double max = rows.Max(charts[c].Value) * 1.1;
                int x0 = (c * Width) + Left, y0 = Top + PlotHeight;
                svg.Append($"<text x=\"{x0}\" y=\"18\" font-weight=\"bold\">{charts[c].Title} ({charts[c].Unit})</text>\n");
                svg.Append($"<line x1=\"{x0}\" y1=\"{y0}\" x2=\"{x0 + PlotWidth}\" y2=\"{y0}\" stroke=\"black\"/><line x1=\"{x0}\" y1=\"{Top}\" x2=\"{x0}\" y2=\"{y0}\" stroke=\"black\"/>\n");
                for (int tick = 0; tick <= 4; tick++)
                {
                    double value = max * tick / 4;
                    int y = y0 - (int)(PlotHeight * tick / 4.0);
                    svg.Append($"<text x=\"{x0 - 5}\" y=\"{y + 4}\" text-anchor=\"end\">{Format(value)}</text><line x1=\"{x0}\" y1=\"{y}\" x2=\"{x0 + PlotWidth}\" y2=\"{y}\" stroke=\"#ddd\"/>\n");
                }

                var points = rows.Select(row => (X: x0 + (PlotWidth * row.Files / maxFiles), Y: y0 - (PlotHeight * charts[c].Value(row) / max), Row: row)).ToList();
                svg.Append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
                   .Append(string.Join(" ", points.Select(point => Format(point.X) + "," + Format(point.Y)))).Append("\"/>\n");
                foreach (var point in points)
                {
                    svg.Append($"<circle cx=\"{Format(point.X)}\" cy=\"{Format(point.Y)}\" r=\"3\" fill=\"#1f77b4\"/>");
                    svg.Append($"<text x=\"{Format(point.X)}\" y=\"{y0 + 14}\" text-anchor=\"middle\">{point.Row.Files}</text>\n");
                }

                svg.Append($"<text x=\"{x0 + (PlotWidth / 2)}\" y=\"{y0 + 30}\" text-anchor=\"middle\">recordings</text>\n");
            }

            return svg.Append("</svg>\n").ToString();
        }

        private static string Format(double value) => value.ToString(value >= 100 ? "F0" : "0.##", CultureInfo.InvariantCulture);
    }
}
