using System.Globalization;
using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// One searched factor. A point holds one coordinate per dimension: the level index on the catalog grid
/// (<c>origin + index × step</c>, the origin being the catalog's min) for a stepped number, the value itself (rounded to
/// <see cref="ContinuousDecimals"/> places) for a number without step, the index of the choice for an enum or a bool.
/// Every coordinate a dimension hands out decodes to a value the Tuner accepts.
/// </summary>
public sealed record SearchDimension(string Key, FactorType Type, decimal Origin, decimal? Step, decimal Min, decimal Max, IReadOnlyList<string>? Choices)
{
    public const int ContinuousDecimals = 4;

    /// <summary>Points a grid takes along a number without step: its bounds and nine between them.</summary>
    public const int ContinuousGridPoints = 11;

    public bool IsChoice => Choices is not null;

    public bool IsLevels => !IsChoice && Step is not null;

    public long FirstLevel => IsLevels ? (long)((Min - Origin) / Step!.Value) : 0;

    public long LastLevel => IsLevels ? (long)((Max - Origin) / Step!.Value) : 0;

    public SearchFactorRange Range => IsChoice
        ? new SearchFactorRange(Key, Type, null, null, null, Type == FactorType.Enum ? Choices : null)
        : new SearchFactorRange(Key, Type, Min, Max, Step, null);

    /// <summary>The coordinate the grid and the model work with, mapped to [0, 1]; choices keep their index.</summary>
    public double Unit(double coordinate) =>
        IsChoice ? coordinate
        : IsLevels ? (LastLevel == FirstLevel ? 0.5 : (coordinate - FirstLevel) / (LastLevel - FirstLevel))
        : Max == Min ? 0.5 : (coordinate - (double)Min) / (double)(Max - Min);

    /// <summary>The nearest coordinate to a point of [0, 1] (clamped).</summary>
    public double FromUnit(double unit)
    {
        var u = Math.Clamp(unit, 0, 1);
        if (IsChoice)
            throw new InvalidOperationException($"{Key} is a choice; it has no unit interval.");
        if (IsLevels)
            return Math.Round(FirstLevel + u * (LastLevel - FirstLevel), MidpointRounding.AwayFromZero);
        return (double)Math.Clamp(Math.Round(Min + (decimal)u * (Max - Min), ContinuousDecimals, MidpointRounding.AwayFromZero), Min, Max);
    }

    public double Uniform(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return IsChoice ? random.Next(Choices!.Count)
            : IsLevels ? FirstLevel + random.NextInt64(LastLevel - FirstLevel + 1)
            : FromUnit(random.NextDouble());
    }

    /// <summary>The grid's coordinates, in ascending order.</summary>
    public IReadOnlyList<double> Grid() =>
        IsChoice ? [.. Enumerable.Range(0, Choices!.Count).Select(i => (double)i)]
        : IsLevels ? [.. Enumerable.Range(0, checked((int)(LastLevel - FirstLevel + 1))).Select(i => (double)(FirstLevel + i))]
        : [.. Enumerable.Range(0, ContinuousGridPoints).Select(i => FromUnit(i / (double)(ContinuousGridPoints - 1))).Distinct()];

    public decimal Number(double coordinate) => IsLevels ? Origin + (decimal)coordinate * Step!.Value : (decimal)coordinate;

    public JsonElement ToJson(double coordinate)
    {
        if (IsChoice)
        {
            var choice = Choices![(int)coordinate];
            return Type == FactorType.Bool ? JsonSerializer.SerializeToElement(choice == "true") : JsonSerializer.SerializeToElement(choice);
        }
        var number = Number(coordinate);
        return JsonDocument.Parse(Type == FactorType.Int ? decimal.Truncate(number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("0.############################", CultureInfo.InvariantCulture)).RootElement.Clone();
    }

    /// <summary>The coordinate of a value, or null when the value is not a point of this dimension.</summary>
    public double? Coordinate(JsonElement value)
    {
        if (IsChoice)
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.String => value.GetString(),
                _ => null,
            };
            var index = text is null ? -1 : Choices!.ToList().IndexOf(text);
            return index >= 0 ? index : null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number < Min || number > Max)
            return null;
        if (!IsLevels)
            return Math.Round(number, ContinuousDecimals) == number ? (double)number : null;
        var offset = (number - Origin) / Step!.Value;
        return offset == decimal.Truncate(offset) ? (double)offset : null;
    }
}
