using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Configuration.DeploymentHistory;

namespace SelfLearn.Domain.Tests.Manager.Approvals;

/// <summary>The Tuner's deciders given the approval a write names: exists, approved, this change set exactly, unused.</summary>
public sealed class TunerApprovalTests
{
    private const string Prompt = "generation.system_prompt_version";

    private static Decision Create(Approval? approval, string approvalId = "appr-1", params (string, string)[] changes)
    {
        var d = Given(Opened());
        return CreateVersion.Decide(d, Default, Runnable, null, d.ActiveParameters, Map(changes), "r", "manager", "meta",
            new ChangeLinks(ApprovalId: approvalId), approval);
    }

    private static Approval Used(Approval approval, int version, string usedFor = ApprovalUses.CreateVersion) =>
        approval.Apply(new ApprovalUsed(approval.ApprovalId, "default", version, usedFor, "t"), Now);

    [Fact]
    public void A_granted_matching_unused_approval_creates_the_version_and_records_its_use()
    {
        var decision = Create(Approved("appr-1", (Prompt, "\"answer-v2\"")), changes: (Prompt, "\"answer-v2\""));

        Assert.True(decision.Accepted);
        Assert.IsType<ConfigVersionCreated>(decision.Events[0]);
        Assert.Equal(new ApprovalUsed("appr-1", "default", 2, ApprovalUses.CreateVersion, "meta"), decision.Events[1]);
    }

    [Fact]
    public void Numbers_are_compared_as_values()
    {
        var decision = Create(Approved("appr-1", ("retrieval.top_k", "3")), changes: ("retrieval.top_k", "3.0"));
        Assert.True(decision.Accepted);
    }

    public static TheoryData<string, ViolationRule> Refusals => new()
    {
        { "unknown", ViolationRule.UnknownApproval },
        { "pending", ViolationRule.ApprovalNotGranted },
        { "declined", ViolationRule.ApprovalNotGranted },
        { "used", ViolationRule.ApprovalUsed },
        { "other-value", ViolationRule.ApprovalMismatch },
        { "other-deployment", ViolationRule.ApprovalMismatch },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Anything_but_a_granted_matching_unused_approval_is_refused_with_nothing_to_append(string kind, ViolationRule rule)
    {
        var granted = Approved("appr-1", (Prompt, "\"answer-v2\""));
        var approval = kind switch
        {
            "unknown" => null,
            "pending" => Requested("appr-1", (Prompt, "\"answer-v2\"")),
            "declined" => Requested("appr-1", (Prompt, "\"answer-v2\"")).Apply(new ApprovalDeclined("appr-1", "too risky", "meta"), Now),
            "used" => Used(granted, 7),
            "other-value" => Approved("appr-1", (Prompt, "\"answer-v1\"")),
            _ => granted with { DeploymentId = "eu-west" },
        };

        var decision = Create(approval, changes: (Prompt, "\"answer-v2\""));

        Assert.Empty(decision.Events);
        Assert.Equal(rule, Assert.Single(decision.Violations).Rule);
    }

    [Fact]
    public void A_change_set_with_a_factor_more_or_less_than_approved_is_a_mismatch_naming_each_factor()
    {
        var approval = Approved("appr-1", (Prompt, "\"answer-v2\""), ("retrieval.top_k", "4"));
        var decision = Create(approval, changes: [(Prompt, "\"answer-v2\""), ("retrieval.min_score", "0.2")]);

        Assert.Equal(
            [("retrieval.min_score", ViolationRule.ApprovalMismatch), ("retrieval.top_k", ViolationRule.ApprovalMismatch)],
            decision.Violations.Select(v => (v.Key, v.Rule)));
    }

    [Fact]
    public void A_manual_zone_change_needs_an_approval_and_an_unknown_one_adds_its_own_violation()
    {
        var d = Given(Opened());
        var without = CreateVersion.Decide(d, Default, Runnable, null, d.ActiveParameters, Map((Prompt, "\"answer-v2\"")), "r", "m", "meta", ChangeLinks.None);
        Assert.Equal(ViolationRule.ApprovalRequired, Assert.Single(without.Violations).Rule);
    }

    [Fact]
    public void Activating_the_version_an_approval_created_uses_it_no_second_time_and_another_version_cannot_use_it()
    {
        var d = Given(Opened());
        var approval = Approved("appr-1", (Prompt, "\"answer-v2\""));
        var v2 = NewVersion(d, Prompt, "\"answer-v2\"", approval);
        var v3 = NewVersion(Given([.. Opened(), v2]), "retrieval.top_k", "4");
        d = Given([.. Opened(), v2, v3]);
        var used = Used(approval, 2);

        var activateV2 = ActivateVersion.Decide(d, Default, Runnable, 2, new StoredVersion(v2.Parameters, v2.Links), ChangeLinks.None, "r", "t", used);
        var activateV3 = ActivateVersion.Decide(d, Default, Runnable, 3, new StoredVersion(v3.Parameters, v3.Links), new ChangeLinks(ApprovalId: "appr-1"), "r", "t", used);

        Assert.IsType<ConfigVersionActivated>(Assert.Single(activateV2.Events));
        Assert.Contains(ViolationRule.ApprovalUsed, activateV3.Violations.Select(v => v.Rule));
        Assert.Empty(activateV3.Events);
    }

    [Fact]
    public void An_unused_approval_named_on_activation_is_used_by_it_when_it_matches_the_changes_against_the_active_version()
    {
        var d = Given(Opened());
        var v2 = NewVersion(d, "retrieval.top_k", "4");
        d = Given([.. Opened(), v2]);
        var approval = Approved("appr-2", ("retrieval.top_k", "4"));

        var decision = ActivateVersion.Decide(d, Default, Runnable, 2, new StoredVersion(v2.Parameters, v2.Links), new ChangeLinks(ApprovalId: "appr-2"), "r", "meta", approval);

        Assert.Equal(new ApprovalUsed("appr-2", "default", 2, ApprovalUses.ActivateVersion, "meta"), decision.Events[1]);
    }
}
