namespace FPbase.Web.Features.Fret;

/// <summary>Reads the data and computes the Förster list: the worker's one step, replaceable in tests.</summary>
internal interface IForsterListSource
{
    /// <summary>The list for <paramref name="stamp"/>, read from the database now (after the stamp was read).</summary>
    Task<ForsterListSnapshot> ComputeAsync(string stamp, CancellationToken cancellationToken);
}
