namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>The answer a page may wait for: the record, or why there is none yet (still fetching, or the fetch failed and will be tried again).</summary>
public sealed record GenBankLookup(GenBankRecord? Record, bool Failed)
{
    public static readonly GenBankLookup Pending = new(null, false);

    public static readonly GenBankLookup Unavailable = new(null, true);

    public static GenBankLookup Ready(GenBankRecord record) => new(record, false);
}
