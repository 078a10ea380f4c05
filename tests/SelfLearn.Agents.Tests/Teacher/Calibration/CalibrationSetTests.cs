using SelfLearn.Agents.Teacher.Calibration;
using SelfLearn.Agents.Teacher.Judging;

namespace SelfLearn.Agents.Tests.Teacher.Calibration;

/// <summary>The calibration set the repository ships (data/judge-calibration/README.md) and how a set is read.</summary>
public sealed class CalibrationSetTests
{
    [Fact]
    public void The_shipped_set_holds_178_labelled_answers_from_the_library_and_LoCoMo_in_the_documented_mix()
    {
        var items = CalibrationSet.Load(ShippedSet.Folder);

        Assert.Equal(178, items.Count);
        Assert.Equal(99, items.Count(i => i.Id.StartsWith("builtin-", StringComparison.Ordinal)));
        Assert.Equal(79, items.Count(i => i.Id.StartsWith("locomo-", StringComparison.Ordinal)));
        Assert.Equal([66, 75, 37], Enum.GetValues<JudgeLabel>().Select(l => items.Count(i => i.Label == l)));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Note)));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.GoldenAnswer)));
        Assert.Equal(31, items.Count(i => !i.Answerable));
    }

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
