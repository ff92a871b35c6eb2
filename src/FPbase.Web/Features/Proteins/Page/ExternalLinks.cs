namespace FPbase.Web.Features.Proteins.Page;

/// <summary>
/// The links out of a protein page, to the addresses FPbase's protein template links (GenBank and IPG at NCBI,
/// UniProtKB, the RCSB PDB, and NCBI's taxonomy browser for the organism, whose id is its taxonomy id). Every value
/// is escaped as URL data: an accession an editor typed cannot change where a link goes.
/// </summary>
public static class ExternalLinks
{
    public static string GenBank(string accession) => "https://www.ncbi.nlm.nih.gov/protein/" + Uri.EscapeDataString(accession);

    public static string UniProt(string accession) => "https://www.uniprot.org/uniprot/" + Uri.EscapeDataString(accession);

    public static string Ipg(string id) => "https://www.ncbi.nlm.nih.gov/ipg/?term=" + Uri.EscapeDataString(id + "[uid]");

    public static string Pdb(string id) => "https://www.rcsb.org/structure/" + Uri.EscapeDataString(id);

    public static string Taxonomy(int organismId) => "https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=" + organismId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
