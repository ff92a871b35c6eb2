using FPbase.Web.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// The parameters of FPbase's two lists whose first renderer is CSV (<c>/api/proteins/</c> and <c>/basic/</c>:
/// <c>renderer_classes = [CSVRenderer, JSONRenderer, ...]</c> in FPbase's <c>proteins/api/views.py</c>): <c>format</c>
/// defaults to <c>csv</c>, and a request without <c>format=</c> has it chosen by its <c>Accept</c> header
/// (<see cref="ContentNegotiation"/>), so <c>curl URL</c> and <c>pandas.read_csv(URL)</c> get CSV and
/// <c>Accept: application/json</c> gets JSON. The choice is written into the canonical query: each representation has
/// its own ETag and payload, <c>?format=json</c> and <c>Accept: application/json</c> share theirs, and every response
/// says <c>Vary: Accept</c>.
/// </summary>
internal sealed class NegotiatedProteinListParameters : ProteinListParameters
{
    public static readonly IReadOnlyList<ContentNegotiation.Renderer> Renderers =
    [
        new(ApiQuery.Csv, "text/csv"),
        new(ApiQuery.Json, "application/json"),
    ];

    /// <summary>The formats in FPbase's renderer order, the first the default.</summary>
    public static readonly string[] Formats = [ApiQuery.Csv, ApiQuery.Json];

    private static readonly string[] Vary = [HeaderNames.Accept];

    public NegotiatedProteinListParameters()
        : base(ApiQuery.Csv)
    {
    }

    public override IReadOnlyList<string> VaryHeaders => Vary;

    protected override string? FromHeaders(string name, HttpRequest request)
        => name == ApiQuery.FormatParameter ? ContentNegotiation.Choose(request.Headers.Accept.ToString(), Renderers) : null;
}
