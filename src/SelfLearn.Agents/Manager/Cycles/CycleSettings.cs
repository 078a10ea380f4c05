namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// The <c>Manager:Cycles</c> settings. <see cref="ApprovalFactors"/>: factors whose changes the loop never activates
/// without a person, beside the catalog's manual zone — a stand-in until the autonomy policy (issue #12) says so.
/// </summary>
public sealed class CycleSettings
{
    public const string Section = "Manager:Cycles";

    public string[] ApprovalFactors { get; set; } = [];
}
