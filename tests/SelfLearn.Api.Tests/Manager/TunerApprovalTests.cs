using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager;

/// <summary>The Tuner spends a real approval: granted, for this change set exactly, once.</summary>
public sealed class TunerApprovalTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Prompt = "generation.system_prompt_version";

    private static object PromptVersion(string value, string? approvalId) => new
    {
        parameters = new Dictionary<string, object> { [Prompt] = value },
        reason = "the recommendation rec-prompt",
        approvalId,
    };

    private async Task<string> Refused(object body, string rule)
    {
        var before = await Host.EventCount();
        var problem = await Host.Post("/api/deployments/default/versions", body, 400);
        Assert.Equal(before, await Host.EventCount());
        Assert.Contains(rule, problem!["violations"]!.AsArray().Select(v => v!["rule"]!.GetValue<string>()));
        return problem["detail"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_made_up_pending_or_declined_approval_is_a_400_and_appends_nothing()
    {
        var detail = await Refused(PromptVersion("answer-v2", "appr-made-up"), "unknown-approval");
        Assert.Equal("no approval 'appr-made-up': request one for the recommendation (POST /api/approvals) and have a meta-user approve it.", detail);
        await Refused(PromptVersion("answer-v2", null), "approval-required");

        await Host.RecordRecommendation("rec-prompt", Prompt, "answer-v1", "answer-v2");
        var pending = await Host.RequestApproval("rec-prompt");
        await Refused(PromptVersion("answer-v2", pending), "approval-not-granted");

        await Host.Post($"/api/approvals/{pending}/decline", new { reason = "not this quarter" }, 200);
        detail = await Refused(PromptVersion("answer-v2", pending), "approval-not-granted");
        Assert.StartsWith($"approval '{pending}' was declined by meta-user#", detail, StringComparison.Ordinal);
        Assert.EndsWith(": not this quarter", detail, StringComparison.Ordinal);
        Assert.Equal("declined", (await Host.Get($"/api/approvals/{pending}"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_approval_for_another_change_set_is_a_mismatch()
    {
        var approvalId = await Host.ApprovedChange("rec-prompt", Prompt, "answer-v1", "answer-v2");

        var detail = await Refused(PromptVersion("answer-lenient", approvalId), "approval-mismatch");

        Assert.Equal($"approval '{approvalId}' sets {Prompt} to \"answer-v2\", not \"answer-lenient\".", detail);
        await Refused(new { parameters = new Dictionary<string, object> { [Prompt] = "answer-v2", ["retrieval.top_k"] = 4 }, reason = "r", approvalId },
            "approval-mismatch");
        Assert.Equal("approved", (await Host.Get($"/api/approvals/{approvalId}"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_valid_approval_lets_the_manual_zone_change_through_exactly_once()
    {
        var approvalId = await Host.ApprovedChange("rec-prompt", Prompt, "answer-v1", "answer-v2");
        var before = await Host.EventCount();

        var created = await Host.Post("/api/deployments/default/versions", PromptVersion("answer-v2", approvalId), 201);

        Assert.Equal(before + 2, await Host.EventCount());
        var approval = await Host.Get($"/api/approvals/{approvalId}");
        Assert.Equal(("used", "default", 2, "create-version"), (approval!["status"]!.GetValue<string>(), approval["use"]!["deploymentId"]!.GetValue<string>(),
            approval["use"]!["configVersion"]!.GetValue<int>(), approval["use"]!["usedFor"]!.GetValue<string>()));

        // Activating that version needs no second use: the approval covers the version it created.
        await Host.Post("/api/deployments/default/versions/2/activate", new { reason = "approved" }, 200);
        Assert.Equal(before + 3, await Host.EventCount());
        Assert.Equal("answer-v2", (await Host.Get("/api/deployments/default/config", key: Keys.Service))!["parameters"]![Prompt]!.GetValue<string>());

        var detail = await Refused(new { parameters = new Dictionary<string, object> { [Prompt] = "answer-v2" }, reason = "again", approvalId, parentVersion = 1 },
            "approval-used");
        Assert.Equal($"approval '{approvalId}' was already used (create-version) for version 2 of 'default': an approval is used once.", detail);
        Assert.Equal(2, created!["configVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Of_two_writes_spending_one_approval_at_the_same_time_exactly_one_commits()
    {
        var approvalId = await Host.ApprovedChange("rec-prompt", Prompt, "answer-v1", "answer-v2");
        var before = await Host.EventCount();
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.MetaUser);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // The barrier: both writes read the deployment and the unused approval, then wait on a lock this test holds on
        // the event table; only when both are waiting is the lock released, so they overlap for certain.
        var dataSource = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var blocker = await dataSource.OpenConnectionAsync(timeout.Token);
        await using var lockHeld = await blocker.BeginTransactionAsync(timeout.Token);
        await using (var lockEvents = new NpgsqlCommand("LOCK TABLE selflearn.mt_events IN SHARE ROW EXCLUSIVE MODE", blocker, lockHeld))
            await lockEvents.ExecuteNonQueryAsync(timeout.Token);

        var racers = Enumerable.Range(0, 2).Select(i =>
            client.PostAsJsonAsync("/api/deployments/default/versions", PromptVersion("answer-v2", approvalId), timeout.Token)).ToList();
        await WaitForLockWaiters(blocker, 2, timeout.Token);
        await lockHeld.RollbackAsync(timeout.Token);
        var responses = await Task.WhenAll(racers);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(before + 2, await Host.EventCount());
        var approval = (await Host.Get($"/api/approvals/{approvalId}"))!;
        // Requested, granted, used once: three events on the approval's stream.
        Assert.Equal((3, "used"), (approval["version"]!.GetValue<int>(), approval["status"]!.GetValue<string>()));
        Assert.Equal(2, (await Host.Get("/api/deployments/default/versions"))!.AsArray().Count);
    }

    private static async Task WaitForLockWaiters(NpgsqlConnection connection, int count, CancellationToken ct)
    {
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()", connection);
        while ((long)(await waiting.ExecuteScalarAsync(ct))! < count)
            await Task.Delay(20, ct);
    }
}
