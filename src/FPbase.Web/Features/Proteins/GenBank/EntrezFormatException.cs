namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>Entrez answered 200 with something that is not the FASTA asked for.</summary>
internal sealed class EntrezFormatException(string message) : Exception("Entrez's answer is not FASTA: " + message);
