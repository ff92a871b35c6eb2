namespace FPbase.Web.Features.Proteins.Popular;

/// <summary>
/// Marks the protein page: a GET answered 200 or 304 counts as one view of the protein named by the route's
/// <c>slug</c>, also when the caching middleware answers it without running the action (a revalidating browser is a
/// reader too). Counted by <see cref="ProteinViewCounter"/>, written in batches by <see cref="ProteinViewFlusher"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CountsProteinViewAttribute : Attribute;
