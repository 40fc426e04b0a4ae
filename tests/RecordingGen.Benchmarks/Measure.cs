using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace RecordingGen.Benchmarks
{
    /// <summary>Runs two contenders in alternating rounds, so machine noise hits both alike, and reports medians and their ratio.</summary>
    internal static class Measure
    {
        public static async Task<(double A, double B)> SideBySide(Func<Task> a, Func<Task> b, int warmup, int rounds, int callsPerRound)
        {
            for (int i = 0; i < warmup; i++)
            {
                await a();
                await b();
            }

            var timesA = new List<double>();
            var timesB = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                timesA.Add(await Time(a, callsPerRound));
                timesB.Add(await Time(b, callsPerRound));
            }

            return (Median(timesA), Median(timesB));
        }

        private static async Task<double> Time(Func<Task> action, int calls)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < calls; i++)
            {
                await action();
            }

            return watch.Elapsed.TotalMilliseconds / calls;
        }

        public static double Median(List<double> values)
        {
            values.Sort();
            return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
        }
    }
}
