using FPbase.Web.Features.Proteins.GenBank;

namespace FPbase.Web.Tests.GenBank;

/// <summary>Which accessions are asked for where, how Entrez's FASTA is read, and how two sequences are compared.</summary>
public sealed class GenBankParsingTests
{
    [Theory]
    [InlineData("AAB02572", "AAB02572", "Protein")]
    [InlineData(" aav52164.1 ", "AAV52164.1", "Protein")]
    [InlineData("WP_012345678", "WP_012345678", "Protein")]
    [InlineData("U55762", "U55762", "Nuccore")]
    [InlineData("LC381432", "LC381432", "Nuccore")]
    public void AnAccessionIsAskedOfTheDatabaseItsShapeNames(string value, string accession, string database)
    {
        Assert.True(GenBankAccession.TryParse(value, out var parsed, out var db));
        Assert.Equal(accession, parsed);
        Assert.Equal(database, db.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1345567")]
    [InlineData("AAB02572,AAV52164")]
    [InlineData("../efetch.fcgi")]
    public void AnythingElseIsNeverAskedFor(string? value)
    {
        Assert.False(GenBankAccession.TryParse(value, out _, out _));
    }

    [Fact]
    public void FastaRecordsAreReadByAccessionWithoutVersionIncludingOldStyleHeaders()
    {
        var records = Fasta.Parse(">AAB02572.1 green fluorescent protein\nMVSKGEEL\nFTGVV\n\n>gi|4|gb|AAV52164.1| mCherry\nmvsk\n");

        Assert.Equal("MVSKGEELFTGVV", records["AAB02572"]);
        Assert.Equal("MVSK", records["AAV52164"]);
    }

    [Theory]
    [InlineData("<html><body>Service unavailable</body></html>")]
    [InlineData("{\"error\":\"API rate limit exceeded\"}")]
    [InlineData(">AAB02572.1 header without residues\n")]
    [InlineData(">AAB02572.1 ok\nMVSK1234\n")]
    public void AnythingButFastaIsMalformed(string text)
    {
        Assert.Throws<EntrezFormatException>(() => Fasta.Parse(text));
    }

    [Fact]
    public void ANucleotideRecordIsTranslatedInFrameWithoutItsStopCodon()
    {
        Assert.Equal("MVSKGE", CodonTable.Translate("ATGGTGAGCAAGGGCGAGTAA"));
        Assert.Equal("MXK", CodonTable.Translate("ATGNNNAAG"));
    }

    [Fact]
    public void AComparisonListsSubstitutionsFromOursToGenBanksOrTheLengths()
    {
        Assert.True(SequenceComparison.Of("mvsk*", "MVSK")!.Identical);
        Assert.Equal(["L3A", "K4R"], SequenceComparison.Of("MVLK", "MVAR")!.Substitutions);
        var lengths = SequenceComparison.Of("MVSK", "MVSKG")!;
        Assert.False(lengths.Identical);
        Assert.False(lengths.SameLength);
        Assert.Null(SequenceComparison.Of(null, "MVSK"));
    }
}
