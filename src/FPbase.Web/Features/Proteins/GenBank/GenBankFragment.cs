namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>What the GenBank fragment shows: the record when it is here, else that it is not (yet).</summary>
public sealed record GenBankFragment(string ProteinName, string Accession, GenBankRecord? Record, SequenceComparison? Comparison, bool Failed);
