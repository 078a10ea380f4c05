using static System.FormattableString;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>One scenario set's figures on the console: HTTP against the in-process baseline of the same run.</summary>
internal static class SetTable
{
    public static void Print(SetResult set, int concurrency, double? target)
    {
        var (http, local) = (set.WarmMedian, set.InProcessMedian);
        var (h, l) = (set.MedianWarm, set.MedianInProcess);
        Console.WriteLine();
        Console.WriteLine(Invariant($"{set.Name} ({set.Source}): {set.Scenarios} scenarios x 2 variants, {set.PlannedDialogs} dialogs, ")
            + Invariant($"{set.PlannedRequests} requests per pass, concurrency {concurrency}"));
        Console.WriteLine(Invariant($"{"measure",-44} {"HTTP",16} {"in-process",16} {"ratio",6}  target"));
        Row($"dialogs/s, warm (median of {set.Warm.Count})", http.DialogsPerSecond, local.DialogsPerSecond,
            target is { } t ? Invariant($">= {t} {(http.DialogsPerSecond >= t ? "met" : "MISSED")}") : "");
        Row("requests/s, warm", http.RequestsPerSecond, local.RequestsPerSecond);
        Row("scenarios/s, warm (scenario x variant)", http.ScenariosPerSecond, local.ScenariosPerSecond);
        Row("questions/s, warm (incl. follow-ups)", http.QuestionsPerSecond, local.QuestionsPerSecond);
        Console.WriteLine(Invariant($"{"dialogs/s, cold (first pass, HTTP)",-44} {set.Cold.Rates.DialogsPerSecond,16} {"",16} {set.ColdOverWarm,6}  cold / warm"));
        Console.WriteLine(Invariant($"{"warm pass seconds",-44} {Seconds(set.Warm),16} {Seconds(set.InProcess),16}"));
        Console.WriteLine(Invariant($"{"failures (all passes)",-44} {set.Warm.Sum(p => p.Failures) + set.Cold.Failures,16} {set.InProcess.Sum(p => p.Failures),16}"));
        Console.WriteLine(Invariant($"{"CPU s of median pass: app / postgres / other",-44} {Cpu(h),16} {Cpu(l),16}"));
        Row("CPU ms per dialog, app + postgres", h.CpuMsPerDialog, l.CpuMsPerDialog);
        Console.WriteLine(Invariant($"{"client ms: query mean / p95",-44} {Pair(h.Client.Query.MeanMs, h.Client.Query.P95Ms),16} {Pair(l.Client.Query.MeanMs, l.Client.Query.P95Ms),16}"));
        Console.WriteLine(Invariant($"{"client ms: ingest mean / p95",-44} {Pair(h.Client.Ingest.MeanMs, h.Client.Ingest.P95Ms),16} {Pair(l.Client.Ingest.MeanMs, l.Client.Ingest.P95Ms),16}"));
        Console.WriteLine(Invariant($"{"server ms/query: embed/load/retrieve/generate",-44} {Stages(h.Server),16} {Stages(l.Server),16}"));
        Console.WriteLine(Invariant($"{"server ms/ingest",-44} {h.Server.Ingest,16} {l.Server.Ingest,16}"));
    }

    private static void Row(string name, double http, double local, string note = "") =>
        Console.WriteLine(Invariant($"{name,-44} {http,16} {local,16} {Stats.Round(http / local, 2),6}  {note}"));

    private static string Seconds(IReadOnlyList<PassResult> passes) => string.Join(", ", passes.Select(p => Invariant($"{p.Seconds:0.0}")));

    private static string Cpu(PassResult p) => Invariant($"{p.Cpu.AppCpuSeconds}/{p.Cpu.PostgresCpuSeconds}/{p.Cpu.OtherCpuSeconds}");

    private static string Pair(double a, double b) => Invariant($"{a:0.00} / {b:0.00}");

    private static string Stages(ServerStages s) => Invariant($"{s.Embed:0.0}/{s.Load:0.0}/{s.Retrieve:0.0}/{s.Generate:0.0}");
}
