namespace SelfLearn.Agents.Tests;

public sealed class AssemblyTests
{
    [Fact]
    public void The_agents_assembly_hosts_the_Tuner_handlers() =>
        Assert.Contains(typeof(SelfLearn.Agents.Tuner.TunerOutcome).Assembly.GetTypes(), t => t.Name == "ActivateConfigVersionHandler");
}
