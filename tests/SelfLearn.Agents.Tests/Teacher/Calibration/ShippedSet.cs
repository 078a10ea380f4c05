using SelfLearn.Agents.Teacher.Calibration;

namespace SelfLearn.Agents.Tests.Teacher.Calibration;

internal static class ShippedSet
{
    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SelfLearn.sln")))
                dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("no SelfLearn.sln above the tests"), "data", "judge-calibration");
        }
    }

    public static IReadOnlyList<CalibrationItem> Split(string name) =>
        CalibrationSet.LoadSplits(Folder).Single(s => s.Name == name).Items;
}
