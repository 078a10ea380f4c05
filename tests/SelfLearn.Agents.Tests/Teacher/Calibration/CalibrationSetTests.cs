using SelfLearn.Agents.Teacher.Calibration;
using SelfLearn.Agents.Teacher.Judging;

namespace SelfLearn.Agents.Tests.Teacher.Calibration;

/// <summary>The calibration set the repository ships (data/judge-calibration/README.md) and how a set is read.</summary>
public sealed class CalibrationSetTests
{
    [Fact]
    public void The_shipped_set_has_a_tuning_and_a_held_out_split_in_that_order()
    {
        var splits = CalibrationSet.LoadSplits(ShippedSet.Folder);

        Assert.Equal([(CalibrationSplits.Tuning, 178), (CalibrationSplits.HeldOut, 74)], splits.Select(s => (s.Name, s.Items.Count)));
    }

    [Fact]
    public void The_tuning_split_holds_178_labelled_answers_from_the_library_and_LoCoMo_in_the_documented_mix()
    {
        var items = ShippedSet.Split(CalibrationSplits.Tuning);

        Assert.Equal(178, items.Count);
        Assert.Equal(99, items.Count(i => i.Id.StartsWith("builtin-", StringComparison.Ordinal)));
        Assert.Equal(79, items.Count(i => i.Id.StartsWith("locomo-", StringComparison.Ordinal)));
        Assert.Equal([66, 75, 37], Enum.GetValues<JudgeLabel>().Select(l => items.Count(i => i.Label == l)));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Note)));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.GoldenAnswer)));
        Assert.Equal(31, items.Count(i => !i.Answerable));
    }

    [Fact]
    public void The_held_out_split_holds_74_labelled_answers_from_the_library_and_LoCoMo_in_the_documented_mix()
    {
        var items = ShippedSet.Split(CalibrationSplits.HeldOut);

        Assert.Equal(40, items.Count(i => i.Id.StartsWith("holdout-builtin-", StringComparison.Ordinal)));
        Assert.Equal(34, items.Count(i => i.Id.StartsWith("holdout-locomo-", StringComparison.Ordinal)));
        Assert.Equal([27, 29, 18], Enum.GetValues<JudgeLabel>().Select(l => items.Count(i => i.Label == l)));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Note)));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.GoldenAnswer)));
        Assert.Equal(17, items.Count(i => !i.Answerable));
    }

    [Fact]
    public void No_held_out_item_asks_a_question_of_the_tuning_split()
    {
        var tuning = ShippedSet.Split(CalibrationSplits.Tuning).Select(Question).ToHashSet();
        var heldOut = ShippedSet.Split(CalibrationSplits.HeldOut).Select(Question).ToList();

        Assert.Equal(74, heldOut.Distinct().Count());
        Assert.DoesNotContain(heldOut, tuning.Contains);
        Assert.All(ShippedSet.Split(CalibrationSplits.Tuning).Where(i => Source(i, "dataset") == "builtin"), i => Assert.Equal("42", Source(i, "seed")));
        Assert.All(ShippedSet.Split(CalibrationSplits.HeldOut).Where(i => Source(i, "dataset") == "builtin"), i => Assert.Equal("7", Source(i, "seed")));
    }

    private static string Question(CalibrationItem item) => Source(item, "dataset") == "builtin"
        ? $"builtin/{Source(item, "seed")}/{Source(item, "scenario")}/{Source(item, "question")}"
        : $"{Source(item, "dataset")}/{Source(item, "conversation")}/{Source(item, "qa")}";

    private static string Source(CalibrationItem item, string member) =>
        item.Source?[member]?.ToString() ?? throw new InvalidOperationException($"{item.Id} has no source.{member}");

    [Fact]
    public void Files_are_grouped_by_the_split_they_name_and_a_file_naming_none_is_unsplit()
    {
        var folder = Directory.CreateTempSubdirectory("calibration-").FullName;
        foreach (var (name, split) in new[] { ("a.json", "\"split\": \"held-out\", "), ("b.json", ""), ("c.json", "\"split\": \"tuning\", "), ("d.json", "\"split\": \"held-out\", ") })
            File.WriteAllText(Path.Combine(folder, name), $$"""{"format": "selflearn.judge-calibration/1", {{split}}"items": [{{Item(name)}}]}""");

        var splits = CalibrationSet.LoadSplits(folder);

        Assert.Equal([("tuning", new[] { "c.json" }), ("held-out", ["a.json", "d.json"]), ("unsplit", ["b.json"])],
            splits.Select(s => (s.Name, s.Items.Select(i => i.Id).ToArray())));
    }

    [Fact]
    public void A_split_name_outside_the_allowed_characters_is_refused_with_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"calibration-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, $$"""{"format": "selflearn.judge-calibration/1", "split": "Held Out", "items": [{{Item("x")}}]}""");

        Assert.Equal($"{Path.GetFileName(file)}: \"split\" must be 1–40 of a-z, 0-9 and '-', starting with a letter or digit; got 'Held Out'.",
            Assert.Throws<CalibrationSetException>(() => CalibrationSet.Load(file)).Message);
    }

    private static string Item(string id) =>
        $$"""{"id": "{{id}}", "question": "q", "context": [], "answer": "a", "abstainedFlag": false, "goldenAnswer": "g", "answerable": true, "label": "supported"}""";

    [Fact]
    public void The_guide_and_the_LoCoMo_licence_note_ship_with_the_set()
    {
        Assert.Contains("## 5. The label", File.ReadAllText(Path.Combine(ShippedSet.Folder, "GUIDE.md")), StringComparison.Ordinal);
        Assert.Contains("CC BY-NC 4.0", File.ReadAllText(Path.Combine(ShippedSet.Folder, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_another_format_is_refused_with_its_name()
    {
        var file = Path.Combine(Path.GetTempPath(), $"calibration-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"format": "something/1", "items": []}""");

        var error = Assert.Throws<CalibrationSetException>(() => CalibrationSet.Load(file));

        Assert.Equal($"{Path.GetFileName(file)}: \"format\" must be \"{CalibrationSet.Format}\".", error.Message);
    }

    [Theory]
    [InlineData("\"answer\": \"a\", \"label\": \"maybe\"", "$.items[0].label")]
    [InlineData("\"label\": \"supported\"", "answer")]
    public void An_unknown_label_or_a_missing_answer_is_refused_with_where_it_is(string members, string where)
    {
        var file = Path.Combine(Path.GetTempPath(), $"calibration-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, $$"""
            {"format": "selflearn.judge-calibration/1", "items": [{"id": "x", "question": "q", "context": [],
             "abstainedFlag": false, "goldenAnswer": "g", "answerable": true, {{members}}}]}
            """);

        Assert.Contains(where, Assert.Throws<CalibrationSetException>(() => CalibrationSet.Load(file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_item_id_twice_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("calibration-").FullName;
        const string item = """{"id": "same", "question": "q", "context": [], "answer": "a", "abstainedFlag": false, "goldenAnswer": "g", "answerable": true, "label": "supported"}""";
        foreach (var name in new[] { "a.json", "b.json" })
            File.WriteAllText(Path.Combine(folder, name), $$"""{"format": "selflearn.judge-calibration/1", "items": [{{item}}]}""");

        Assert.Equal("item id 'same' appears more than once.", Assert.Throws<CalibrationSetException>(() => CalibrationSet.Load(folder)).Message);
    }
}
