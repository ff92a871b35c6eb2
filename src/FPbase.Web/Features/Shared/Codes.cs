using FPbase.Data.Entities;

namespace FPbase.Web.Features.Shared;

/// <summary>FPbase's code of an optional choice field: blank (<c>""</c>) when unset, as FPbase shows it.</summary>
internal static class Codes
{
    public static string Of<TEnum>(TEnum? value)
        where TEnum : struct, Enum
        => value is { } v ? v.ToCode() : "";
}
