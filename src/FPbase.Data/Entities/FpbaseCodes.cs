using System.Collections.Frozen;
using System.Reflection;

namespace FPbase.Data.Entities;

/// <summary>Conversions between the enums and FPbase's code strings (e.g. <see cref="Aggregation.WeakDimer"/> ⇄ "wd").</summary>
public static class FpbaseCodes
{
    public static string ToCode<TEnum>(this TEnum value)
        where TEnum : struct, Enum
        => Map<TEnum>.ToCodeMap.TryGetValue(value, out var code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"No FPbase code for {typeof(TEnum).Name}.{value}.");

    public static TEnum Parse<TEnum>(string code)
        where TEnum : struct, Enum
        => TryParse<TEnum>(code, out var value)
            ? value
            : throw new FormatException($"'{code}' is not an FPbase {typeof(TEnum).Name} code.");

    public static bool TryParse<TEnum>(string? code, out TEnum value)
        where TEnum : struct, Enum
    {
        if (code is not null && Map<TEnum>.FromCodeMap.TryGetValue(code, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>All codes of an enum, in declaration order.</summary>
    public static IReadOnlyList<string> Codes<TEnum>()
        where TEnum : struct, Enum
        => Map<TEnum>.AllCodes;

    private static class Map<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToCodeMap;
        public static readonly FrozenDictionary<string, TEnum> FromCodeMap;
        public static readonly string[] AllCodes;

        static Map()
        {
            var pairs = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => ((TEnum)f.GetValue(null)!, f.GetCustomAttribute<CodeAttribute>()?.Code ?? f.Name))
                .ToArray();
            ToCodeMap = pairs.ToFrozenDictionary(p => p.Item1, p => p.Item2);
            FromCodeMap = pairs.ToFrozenDictionary(p => p.Item2, p => p.Item1, StringComparer.Ordinal);
            AllCodes = pairs.Select(p => p.Item2).ToArray();
        }
    }
}
