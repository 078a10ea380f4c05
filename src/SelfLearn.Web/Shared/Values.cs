using System.Text.Json;

namespace SelfLearn.Web.Shared;

/// <summary>How a parameter or metric value reads on screen: strings bare, numbers and the rest as JSON.</summary>
public static class Values
{
    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        _ => value.GetRawText(),
    };

    public static string Show(double? value, int digits = 4) =>
        value is { } v ? Math.Round(v, digits).ToString(System.Globalization.CultureInfo.InvariantCulture) : "—";
}
