using System.Text.Json.Nodes;
using Bunit;
using static SelfLearn.Api.Tests.Web.PageControls;
using SelfLearn.Agents.Manager.Alerts;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Manager.Alerts;
using SelfLearn.Web.Alerts;

namespace SelfLearn.Api.Tests.Web.Alerts;

public sealed class AlertsPageTests(AppFixture fixture) : PageTest(fixture)
{
    /// <summary>Two open alerts and one acknowledged through the API.</summary>
    private async Task RaiseThree()
    {
        await Raise(new AlertRaised("a-failed", AlertKind.CycleFailed, "default", "cyc-1", "cycle cyc-1 failed at Plan", null, "system:manager"));
        await Raise(new AlertRaised("a-guard", AlertKind.GuardBreached, "default", "exp-1", "a guard was breached", null, "teacher"));
        await Raise(new AlertRaised("a-waiting", AlertKind.AwaitingApproval, "default", "cyc-2", "cycle cyc-2 waits", null, "system:manager"));
        await Host.Post("/api/alerts/a-waiting/acknowledge", new { note = "approved it" }, 200);
    }

    [Fact]
    public async Task An_auditor_sees_the_open_alerts_as_the_api_lists_them_then_every_alert_and_no_acknowledge_control()
    {
        await RaiseThree();
        var open = (await Host.Get("/api/alerts"))!.AsArray();
        var all = (await Host.Get("/api/alerts?state=all"))!.AsArray();

        var page = RenderPage<AlertsPage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        Assert.Equal(open.Select(a => a!["alertId"]!.GetValue<string>()), page.FindAll("[data-testid=alert]").Select(a => a.GetAttribute("data-alert")));
        Assert.Equal(open.Select(a => a!["message"]!.GetValue<string>()), page.FindAll("[data-testid=alert] [data-field=message]").Select(m => m.TextContent));
        Assert.Equal("/cycles/cyc-1", page.Find("[data-alert=a-failed] a[href^='/cycles']").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid^=acknowledge-]"));

        await page.Fill("alert-state", "all");

        page.WaitForAssertion(() => Assert.Equal(all.Select(a => a!["alertId"]!.GetValue<string>()),
            page.FindAll("[data-testid=alert]").Select(a => a.GetAttribute("data-alert"))), Wait);
        var acknowledged = all.Single(a => a!["alertId"]!.GetValue<string>() == "a-waiting")!;
        Assert.Contains($"by {acknowledged["acknowledgedBy"]!.GetValue<string>()}: approved it", page.Find("[data-alert=a-waiting] [data-field=acknowledged]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meta_user_acknowledges_an_alert_with_a_note_and_the_api_records_it()
    {
        await RaiseThree();
        var page = RenderPage<AlertsPage>();
        WaitUntilLoaded(page);

        await page.Fill("note-a-guard", "rolled the version back by hand");
        await page.Press("acknowledge-a-guard");

        page.WaitForAssertion(() => Assert.Equal(["a-failed"], page.FindAll("[data-testid=alert]").Select(a => a.GetAttribute("data-alert"))), Wait);
        var alert = (await Host.Get("/api/alerts/a-guard"))!;
        Assert.Equal(("acknowledged", "rolled the version back by hand"), (alert["state"]!.GetValue<string>(), alert["note"]!.GetValue<string>()));
        Assert.StartsWith("meta-user#", alert["acknowledgedBy"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledging_an_alert_someone_else_acknowledged_meanwhile_shows_the_apis_problem_and_writes_nothing()
    {
        await RaiseThree();
        var page = RenderPage<AlertsPage>();
        WaitUntilLoaded(page);
        await Host.Post("/api/alerts/a-failed/acknowledge", new { note = "first" }, 200);
        var before = await Host.EventCount();
        var problem = (await Host.Post("/api/alerts/a-failed/acknowledge", new { note = "again" }, 409))!;

        await page.Press("acknowledge-a-failed");

        page.WaitForAssertion(() => Assert.Equal($"{Text(problem, "title")}: {Text(problem, "detail")}", page.Find("[data-testid=problem]").TextContent.Trim()), Wait);
        Assert.Equal(before, await Host.EventCount());
        Assert.Equal("first", (await Host.Get("/api/alerts/a-failed"))!["note"]!.GetValue<string>());
    }

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();

    private async Task Raise(AlertRaised alert)
    {
        await using var session = Fixture.Store.LightweightSession();
        RaiseAlert.Start(session, alert);
        await session.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
