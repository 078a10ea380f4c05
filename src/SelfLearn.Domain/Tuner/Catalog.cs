using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Domain.Tuner;

public static class Catalog
{
    public static IReadOnlyDictionary<string, ImpactFactor> ByKey(IEnumerable<ImpactFactor> factors) =>
        factors.ToDictionary(f => f.Key, StringComparer.Ordinal);

    public static SortedDictionary<string, JsonElement> Defaults(IReadOnlyDictionary<string, ImpactFactor> catalog) =>
        new(catalog.ToDictionary(f => f.Key, f => f.Value.Default), StringComparer.Ordinal);
}
