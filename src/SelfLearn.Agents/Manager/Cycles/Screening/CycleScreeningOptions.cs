using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Agents.Manager.Cycles.Screening;

/// <summary>How a cycle's planner screens its candidates offline (configuration section <c>Manager:Screening</c>).</summary>
public sealed class CycleScreeningOptions
{
    public const string Section = "Manager:Screening";

    public bool Enabled { get; set; } = true;

    /// <summary>A LoCoMo file; a relative path is looked for above the current folder and the app's binaries.</summary>
    [Required]
    public string Dataset { get; set; } = "data/locomo/locomo-dev.json";

    /// <summary>The conversations to screen on (sample ids); empty: all of the file's.</summary>
    public IList<string> Conversations { get; } = [];

    [Range(1, 64)]
    public int Parallelism { get; set; } = Environment.ProcessorCount;
}
