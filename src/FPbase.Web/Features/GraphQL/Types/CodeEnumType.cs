using FPbase.Data.Entities;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>
/// An enum spelled as graphene-django spells Django choices: the stored code upper-cased, with
/// <c>A_</c> before a leading digit (<c>2p</c> → <c>A_2P</c>). Values are the CLR enum members.
/// </summary>
internal abstract class CodeEnumType<TEnum> : EnumerationGraphType
    where TEnum : struct, Enum
{
    protected CodeEnumType(string name)
    {
        Name = name;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            Add(GrapheneName(value.ToCode()), value);
        }
    }

    public static string GrapheneName(string code)
    {
        var name = code.ToUpperInvariant();
        return char.IsDigit(name[0]) ? "A_" + name : name;
    }
}

internal sealed class SpectrumCategoryEnum() : CodeEnumType<SpectrumCategory>("SpectrumCategory");

internal sealed class SpectrumSubtypeEnum() : CodeEnumType<SpectrumSubtype>("SpectrumSubtype");

internal sealed class FilterPlacementPathEnum() : CodeEnumType<FilterPath>("FilterPlacementPath");

internal sealed class ProteinAggEnum() : CodeEnumType<Aggregation>("myProteinAgg");

internal sealed class ProteinSwitchTypeEnum() : CodeEnumType<SwitchType>("myProteinSwitchType");

/// <summary>FPbase's cofactor choices (stored as free codes on <see cref="Protein.Cofactor"/>).</summary>
internal sealed class ProteinCofactorEnum : EnumerationGraphType
{
    public static readonly IReadOnlyList<string> Codes = ["br", "bv", "fl", "pc", "rl"];

    public ProteinCofactorEnum()
    {
        Name = "myProteinCofactor";
        foreach (var code in Codes)
        {
            Add(code.ToUpperInvariant(), code);
        }
    }
}
