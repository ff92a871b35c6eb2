using FPbase.Caching;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Spectra.Api;

/// <summary>The query parameters of <c>/api/spectrum/{id}/</c>: <c>format</c>, default <c>json</c>.</summary>
internal sealed class SpectrumParameters() : QueryParameters(ApiQuery.FormatParameter + "=" + ApiQuery.Json);
