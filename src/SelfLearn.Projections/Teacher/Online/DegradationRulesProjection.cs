using JasperFx.Events;
using Marten.Events.Aggregation;
using SelfLearn.Domain.Teacher.Online;

namespace SelfLearn.Projections.Teacher.Online;

/// <summary>A deployment's degradation rules, kept inline: the write model of <c>rules:&lt;deployment&gt;</c> and what <c>GET …/rules</c> returns.</summary>
public sealed partial class DegradationRulesProjection : SingleStreamProjection<DegradationRules, string>
{
    public static DegradationRules Create(IEvent<DegradationRuleSet> e) =>
        DegradationRules.Empty(e.Data.DeploymentId).Apply(e.Data) with { Version = e.Version };

    public static DegradationRules Create(IEvent<ActivationRulesArmed> e) =>
        DegradationRules.Empty(e.Data.DeploymentId).Apply(e.Data) with { Version = e.Version };

    public DegradationRules Apply(IEvent<DegradationRuleSet> e, DegradationRules current) => current.Apply(e.Data) with { Version = e.Version };

    public DegradationRules Apply(IEvent<DegradationRuleRemoved> e, DegradationRules current) => current.Apply(e.Data) with { Version = e.Version };

    public DegradationRules Apply(IEvent<ActivationRulesArmed> e, DegradationRules current) => current.Apply(e.Data) with { Version = e.Version };
}
