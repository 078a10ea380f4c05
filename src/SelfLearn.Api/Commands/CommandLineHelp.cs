using SelfLearn.Api.Deployments;
using SelfLearn.Api.Manager.Cycles;
using SelfLearn.Api.Simulations;
using SelfLearn.Api.Teacher;
using Spectre.Console;

namespace SelfLearn.Api.Commands;

/// <summary>
/// help / --help: SelfLearn's own commands (dispatched in Program.cs, before JasperFx sees the arguments), then
/// JasperFx's (projections, db-apply, describe, …), which JasperFx's help lists on its own.
/// </summary>
public static class CommandLineHelp
{
    public static bool Handles(string[] args) => args is ["help" or "--help" or "-h" or "-?"];

    public static IReadOnlyList<(string Name, string Usage)> Commands { get; } =
    [
        (EvalRetrievalCommand.Name, "--dataset FILE …: LoCoMo retrieval evaluation"),
        (ImportLocomoCommand.Name, "--dataset FILE …: loads LoCoMo conversations as users' memories"),
        (SimulateCommand.Name, "…: plays scenarios against the MaaS for an experiment's variants, or as live users (--cycle-type online --rate N --duration 2m)"),
        (VerifyCommand.Name, ": recomputes every event stream's hash chain"),
        (JudgeCalibrateCommand.Name, "[--judge offline|llm] [--set PATH] [--split NAME] [--out FILE]: a judge against hand-labelled answers"),
        (EvaluateCommand.Name, "--experiment ID [--out FILE]: judges, measures and decides an experiment"),
        (RecomputeCommand.Name, "--experiment ID: recomputes the latest verdict from its stored aggregates"),
        (SearchCommand.Name, "--dataset FILE --objective METRIC …: screens configurations offline"),
        (CycleCommand.Name, "--goal \"…\" | --json FILE [--deployment ID] [--yes] [--out FILE]: states a goal, confirms it and runs a learning cycle on it"),
        (ReportCommand.Name, "[--cycle ID] [--json]: a cycle's report (default: the latest cycle)"),
        (AsOfCommand.Name, "TIME [--deployment ID]: the configuration valid at an instant"),
        (ClusterCommand.Name, "--nodes N [--port P] [--node-ports P1,P2,…]: N app processes on one PostgreSQL behind a round-robin balancer"),
        (WhyCommand.Name, "FACTOR [--deployment ID]: the decisions behind a factor's current value, goal to activation"),
    ];

    public static void Print()
    {
        var table = new Table().AddColumns("command", "usage");
        foreach (var (name, usage) in Commands)
            table.AddRow(Markup.Escape(name), Markup.Escape(usage));
        AnsiConsole.WriteLine("SelfLearn's commands (dotnet run --project src/SelfLearn.Api -- COMMAND …):");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine("The framework's commands:");
    }
}
