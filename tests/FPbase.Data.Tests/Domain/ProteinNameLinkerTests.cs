using FPbase.Data.Domain;

namespace FPbase.Data.Tests.Domain;

/// <summary>FPbase's excerpt links, as its link_excerpts makes them, in one pass.</summary>
public sealed class ProteinNameLinkerTests
{
    private static readonly ProteinNameLinker Linker = new([
        ("EGFP", "egfp"), ("mEGFP", "megfp"), ("mCherry", "mcherry"), ("T", "t"), ("Dronpa", "dronpa"), ("enhanced GFP", "egfp"),
        ("mCherry", "mcherry2"), // an alias spelled like a name: the later entry (FPbase: aliases after names) wins
    ]);

    private static string Render(IReadOnlyList<ExcerptSegment> segments)
        => string.Concat(segments.Select(s => s.Slug is null ? s.Text : s.Own ? $"**{s.Text}**" : $"[{s.Text}]({s.Slug})"));

    [Theory]
    [InlineData("Brighter than EGFP and mEGFP (EGFP) in cells.", "Brighter than [EGFP](egfp) and [mEGFP](megfp) ([EGFP](egfp)) in cells.")]
    [InlineData("Made from enhanced GFP by T mutations.", "Made from [enhanced GFP](egfp) by T mutations.")]
    [InlineData("EGFP at the start follows nothing, so it stays text.", "EGFP at the start follows nothing, so it stays text.")]
    [InlineData("Variants EGFP-1 and EGFP.2 are numbered; EGFP, not.", "Variants EGFP-1 and EGFP.2 are numbered; [EGFP](egfp), not.")]
    [InlineData("Fused to mCherry.", "Fused to [mCherry](mcherry2).")]
    [InlineData("Unlike Dronpa and DRONPA.", "Unlike [Dronpa](dronpa) and DRONPA.")]
    [InlineData("", "")]
    public void NamesBecomeLinksByFPbasesRule(string text, string expected)
    {
        var segments = Linker.Link(text);

        Assert.Equal(expected, Render(segments));
        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void ThePagesOwnProteinIsMarkedNotLinked()
    {
        Assert.Equal("Compared, **EGFP** and [mCherry](mcherry2); **enhanced GFP**.", Render(Linker.Link("Compared, EGFP and mCherry; enhanced GFP.", ownSlug: "egfp")));
    }
}
