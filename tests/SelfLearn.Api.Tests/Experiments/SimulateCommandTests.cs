using System.Text.Json.Nodes;
using Marten;
using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Locomo;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Api.Commands;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Api.Simulations;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>The simulate command end to end: library or file in, a recorded, repeatable run and its telemetry out.</summary>
public sealed class SimulateCommandTests(AppFixture fixture) : ApiTest(fixture)
{
    private Task<int> Simulate(IMaasClient maas, params string[] args) =>
        new SimulateCommand(Host.Services, maas).RunAsync(new CommandArguments(args), TestContext.Current.CancellationToken);

    private static string TempFile(string name) => Path.Combine(Path.GetTempPath(), $"selflearn-{Guid.NewGuid():N}-{name}");

    private static JsonNode ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    [Fact]
    public async Task The_library_for_two_variants_leaves_a_recorded_run_and_telemetry_per_variant()
    {
        var (maas, _) = RecordingMaas.Over(Host);
        var output = TempFile("summary.json");

        Assert.Equal(0, await Simulate(maas, "--count", "3", "--seed", "5", "--set", "b:retrieval.top_k=3", "--concurrency", "3", "--out", output));

        var summary = ReadJson(output);
        Assert.Equal("completed", summary["status"]!.GetValue<string>());
        var variants = summary["variants"]!.AsArray();
        Assert.Equal(["a", "b"], variants.Select(v => v!["variant"]!.GetValue<string>()));
        Assert.NotEqual(variants[0]!["configVersion"]!.GetValue<int>(), variants[1]!["configVersion"]!.GetValue<int>());
        foreach (var variant in variants)
        {
            var asked = variant!["questions"]!.GetValue<int>() + variant["followUps"]!.GetValue<int>();
            Assert.True(asked > 0);
            Assert.Equal(asked, variant["pipelineRuns"]!.GetValue<int>());
            Assert.Equal(asked, variant["pipelineRunsStored"]!.GetValue<long>());
            Assert.Equal(3, variant["scenarios"]!.GetValue<int>());
            Assert.Equal(0, variant["failures"]!.GetValue<int>());
        }

        var id = summary["simulationId"]!.GetValue<string>();
        var recorded = await Host.Get($"/api/simulations/{id}");
        Assert.Equal("completed", recorded!["status"]!.GetValue<string>());
        Assert.Equal("builtin", recorded["plan"]!["datasetName"]!.GetValue<string>());
        Assert.Equal(summary["datasetSha256"]!.GetValue<string>(), recorded["plan"]!["datasetSha256"]!.GetValue<string>());
        Assert.Equal(5, recorded["plan"]!["seed"]!.GetValue<int>());
        var experiment = await Host.Get($"/api/experiments/{summary["experimentId"]!.GetValue<string>()}");
        Assert.Equal(2, experiment!["variants"]!.AsArray().Count);
        var dataset = await Host.Get("/api/datasets/builtin");
        Assert.Equal(3, dataset!["versions"]![0]!["registered"]!["scenarios"]!.GetValue<int>());
    }

    private async Task<int> DesignOffline(string id, int datasetVersion = 1)
    {
        var fewer = await Host.CreateAndActivate("retrieval.top_k", 2);
        await Host.Post("/api/experiments", new
        {
            id, deploymentId = "default", mode = "offline", dataset = new { name = "golden", version = datasetVersion },
            variants = new[] { new { name = "control", configVersion = 1 }, new { name = "fewer", configVersion = fewer } },
        }, 201);
        return fewer;
    }

    [Fact]
    public async Task A_designed_offline_experiment_is_played_on_its_dataset_version_with_its_variants_and_started()
    {
        Assert.Equal(1, await Host.RegisterDataset("golden", seed: 3, count: 2));
        Assert.Equal(2, await Host.RegisterDataset("golden", seed: 4, count: 3)); // the design pins version 1, not the latest
        var fewer = await DesignOffline("exp-api");
        var (maas, recorder) = RecordingMaas.Over(Host);
        var output = TempFile("api-experiment.json");

        Assert.Equal(0, await Simulate(maas, "--experiment", "exp-api", "--out", output));

        var summary = ReadJson(output);
        Assert.Equal(("golden", 1), (summary["dataset"]!.GetValue<string>(), summary["datasetVersion"]!.GetValue<int>()));
        var variants = summary["variants"]!.AsArray();
        Assert.Equal(["control", "fewer"], variants.Select(v => v!["variant"]!.GetValue<string>()));
        Assert.Equal([1, fewer], variants.Select(v => v!["configVersion"]!.GetValue<int>()));
        Assert.All(variants, v => Assert.Equal(2, v!["scenarios"]!.GetValue<int>()));
        Assert.Equal(recorder.Normalized("control"), recorder.Normalized("fewer"));
        Assert.All(recorder.Sent.Where(r => r.Method == "POST"), r => Assert.Equal("exp-api", r.Body!["experimentId"]!.GetValue<string>()));
        Assert.Equal(4, recorder.Sent.Count(r => r.Method == "DELETE")); // the two scenarios' users of both variants are forgotten
        var simulation = Assert.Single((await Host.Get("/api/experiments/exp-api/simulations"))!.AsArray())!;
        Assert.Equal(("golden", 1), (simulation["plan"]!["datasetName"]!.GetValue<string>(), simulation["plan"]!["datasetVersion"]!.GetValue<int>()));
        Assert.Equal(2, (await Host.Get("/api/datasets/golden"))!["versions"]!.AsArray().Count); // the version played is not registered again
        var experiment = await Host.Get("/api/experiments/exp-api");
        Assert.Equal("started", experiment!["status"]!.GetValue<string>());
        Assert.Equal("system:simulate", experiment["transitions"]![1]!["by"]!.GetValue<string>());
        await Assert.ThrowsAsync<ArgumentException>(() => Simulate(maas, "--experiment", "exp-api", "--variants", "control,bogus"));
    }

    [Fact]
    public async Task A_started_experiment_is_played_again_without_a_second_start()
    {
        await Host.RegisterDataset("golden", count: 1);
        await DesignOffline("exp-again");
        await Host.Post("/api/experiments/exp-again/start", new { reason = "by hand" }, 200);
        var (maas, _) = RecordingMaas.Over(Host);

        Assert.Equal(0, await Simulate(maas, "--experiment", "exp-again"));

        var experiment = await Host.Get("/api/experiments/exp-again");
        Assert.Equal(["designed", "started"], experiment!["transitions"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()));
        Assert.Single((await Host.Get("/api/experiments/exp-again/simulations"))!.AsArray());
    }

    [Theory]
    [InlineData("online", "experiment 'exp-x' is online: it runs on real traffic, and simulate plays offline experiments only.")]
    [InlineData("no dataset", "experiment 'exp-x' is not designed with a dataset:")]
    [InlineData("stopped", "experiment 'exp-x' is stopped: only a designed or started experiment can be simulated")]
    [InlineData("aborted", "experiment 'exp-x' is aborted: only a designed or started experiment can be simulated")]
    public async Task An_experiment_that_cannot_be_played_is_refused_before_anything_is_sent_or_written(string state, string message)
    {
        await Host.RegisterDataset("golden", count: 1);
        var design = state switch { "online" => "\"mode\":\"online\"", "no dataset" => "", _ => "\"dataset\":{\"name\":\"golden\",\"version\":1}" };
        await Host.Design("exp-x", design);
        if (state is "stopped")
            await Host.Transition("exp-x", "start");
        if (state is "stopped" or "aborted")
            await Host.Transition("exp-x", state == "stopped" ? "stop" : "abort");
        var (maas, recorder) = RecordingMaas.Over(Host);
        var events = await Host.EventCount();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Simulate(maas, "--experiment", "exp-x"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Sent);
        Assert.Equal(events, await Host.EventCount());
    }

    [Fact]
    public async Task A_dry_run_of_a_designed_experiment_neither_starts_it_nor_records_anything()
    {
        await Host.RegisterDataset("golden", count: 1);
        await DesignOffline("exp-dry");
        var (maas, recorder) = RecordingMaas.Over(Host);
        var events = await Host.EventCount();

        Assert.Equal(0, await Simulate(maas, "--experiment", "exp-dry", "--dry-run"));

        Assert.Empty(recorder.Sent);
        Assert.Equal(events, await Host.EventCount());
        Assert.Equal("designed", (await Host.Get("/api/experiments/exp-dry"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Repeating_a_run_sends_exactly_the_same_threads_and_gets_the_same_answers()
    {
        var (firstMaas, first) = RecordingMaas.Over(Host);
        var firstOut = TempFile("first.json");
        Assert.Equal(0, await Simulate(firstMaas, "--count", "2", "--seed", "9", "--out", firstOut));
        var firstId = ReadJson(firstOut)["simulationId"]!.GetValue<string>();

        var (secondMaas, second) = RecordingMaas.Over(Host);
        var secondOut = TempFile("second.json");
        Assert.Equal(0, await Simulate(secondMaas, "--repeat", firstId, "--out", secondOut));
        var secondId = ReadJson(secondOut)["simulationId"]!.GetValue<string>();

        Assert.Equal(first.Normalized("a"), second.Normalized("a"));
        Assert.Equal(first.Normalized("b"), second.Normalized("b"));
        Assert.NotEmpty(first.Normalized("a"));
        var repeated = await Host.Get($"/api/simulations/{secondId}");
        Assert.Equal(firstId, repeated!["plan"]!["repeatOf"]!.GetValue<string>());
        Assert.Single((await Host.Get("/api/datasets/builtin"))!["versions"]!.AsArray());
        var pairs = await Host.Sql<long>($"""
            select count(*) from selflearn.pipeline_runs x join selflearn.pipeline_runs y
              on x.example_id = y.example_id and x.variant = y.variant
             where x.simulation_id = '{firstId}' and y.simulation_id = '{secondId}' and x.answer = y.answer
            """);
        Assert.Equal(await Host.Sql<long>($"select count(*) from selflearn.pipeline_runs where simulation_id = '{firstId}'"), pairs);
    }

    [Fact]
    public async Task A_LoCoMo_file_runs_its_QA_items_as_golden_questions()
    {
        var all = JsonNode.Parse(await File.ReadAllTextAsync(LocomoEvalTests.DevSplit(), TestContext.Current.CancellationToken))!.AsArray();
        var smallest = all.OrderBy(c => c!.ToJsonString().Length).First()!;
        var file = TempFile("locomo.json");
        await File.WriteAllTextAsync(file, new JsonArray(smallest.DeepClone()).ToJsonString(), TestContext.Current.CancellationToken);
        var expected = ScenarioFiles.Load(file).Set!;
        var (maas, _) = RecordingMaas.Over(Host);
        var output = TempFile("locomo-summary.json");

        Assert.Equal(0, await Simulate(maas, "--scenarios", file, "--concurrency", "2", "--out", output));

        var summary = ReadJson(output);
        Assert.StartsWith("locomo-", summary["dataset"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var variant in summary["variants"]!.AsArray())
        {
            Assert.Equal(expected.Questions.Count(), variant!["questions"]!.GetValue<int>());
            Assert.Equal(expected.Questions.Count(), variant["pipelineRunsStored"]!.GetValue<long>());
            Assert.Equal(expected.Scenarios.Sum(s => s.Sessions.Sum(x => x.Turns.Count)), variant["memories"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_malformed_scenario_file_is_rejected_with_the_path_of_its_first_error_and_nothing_is_written()
    {
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 3, 3, ct: TestContext.Current.CancellationToken)).Set;
        var json = JsonNode.Parse(ScenarioJson.Serialize(set))!;
        json["scenarios"]![1]!["questions"]![0]!["kind"] = "gossip";
        var file = TempFile("broken.json");
        await File.WriteAllTextAsync(file, json.ToJsonString(), TestContext.Current.CancellationToken);
        var events = await Host.EventCount();
        var (maas, recorder) = RecordingMaas.Over(Host);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Simulate(maas, "--scenarios", file));

        Assert.Contains("$.scenarios[1].questions[0].kind", error.Message, StringComparison.Ordinal);
        Assert.Equal(events, await Host.EventCount());
        Assert.Empty(recorder.Sent);
        Assert.Empty((await Host.Get("/api/datasets"))!.AsArray());
    }

    [Fact]
    public async Task A_dry_run_writes_the_threads_of_every_variant_and_sends_nothing()
    {
        var (maas, recorder) = RecordingMaas.Over(Host);
        var output = TempFile("threads.json");
        var events = await Host.EventCount();

        Assert.Equal(0, await Simulate(maas, "--dry-run", "--count", "2", "--variants", "x,y,z", "--out", output));

        var threads = ReadJson(output);
        Assert.Equal(6, threads["runs"]!.AsArray().Count);
        Assert.Equal(["x", "y", "z"], threads["runs"]!.AsArray().Take(3).Select(r => r!["variant"]!.GetValue<string>()));
        Assert.Empty(recorder.Sent);
        Assert.Equal(events, await Host.EventCount());
    }

    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--variants", "a")]
    [InlineData("--bogus", "1")]
    [InlineData("--set", "retrieval.top_k=3")]
    public async Task Bad_flags_are_refused_before_anything_happens(string flag, string value)
    {
        var (maas, recorder) = RecordingMaas.Over(Host);
        var events = await Host.EventCount();
        await Assert.ThrowsAsync<ArgumentException>(() => Simulate(maas, flag, value));
        Assert.Empty(recorder.Sent);
        Assert.Equal(events, await Host.EventCount());
    }

    [Theory]
    [InlineData("count", "2")]
    [InlineData("seed", "5")]
    [InlineData("scenarios", "none.json")]
    public async Task An_experiment_plays_the_dataset_of_its_design_so_flags_choosing_scenarios_are_refused(string flag, string value)
    {
        var (maas, recorder) = RecordingMaas.Over(Host);
        var events = await Host.EventCount();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Simulate(maas, "--experiment", "exp-1", $"--{flag}", value));

        Assert.Equal($"--{flag} chooses the scenarios of a new experiment; --experiment plays the dataset version its design names.", error.Message);
        Assert.Empty(recorder.Sent);
        Assert.Equal(events, await Host.EventCount());
    }

    [Fact]
    public async Task A_run_that_fails_forgets_its_users_too()
    {
        var (http, _) = RecordingMaas.Over(Host);
        var failing = new FailingOnFirstQuery(http);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new SimulateCommand(Host.Services, failing).RunAsync(new CommandArguments(["--count", "2", "--concurrency", "1"]), CancellationToken.None));

        await using var session = Fixture.Store.QuerySession();
        var simulation = await session.Query<Simulation>().SingleAsync();
        Assert.Equal("failed", simulation.Status);
        var firstScenario = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), SimulateArguments.DefaultSeed, 2)).Set.Scenarios[0];
        Assert.Equal(firstScenario.Sessions.Sum(x => x.Turns.Count), failing.Ingested); // one user's sessions were remembered before the failure
        Assert.Equal(0, await session.Query<MemoryDocument>().CountAsync(m => m.UserId.StartsWith(simulation.Plan.SimulationId + ".")));
    }
}
