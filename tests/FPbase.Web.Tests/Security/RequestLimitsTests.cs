using System.Net;
using System.Net.Http.Headers;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Security;

/// <summary>Request bodies: 1 MB unless an endpoint says otherwise; over the limit, 413 problem details and nothing changes.</summary>
public sealed class RequestLimitsTests(ProbeSite site) : IClassFixture<ProbeSite>
{
    private const int OverOneMegabyte = 1024 * 1024 + 1;

    [Fact]
    public async Task AnOversizedJsonBodyIs413AndCreatesNothing()
    {
        var editor = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(editor);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens/")
        {
            Content = new StringContent("{\"name\":\"" + new string('x', OverOneMegabyte) + "\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-Token", await browser.GetCsrfTokenAsync());

        var response = await browser.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await site.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == editor.Id)));
    }

    [Fact]
    public async Task AnOversizedFormIs413()
    {
        using var client = site.ClientFrom("10.2.0.1");
        var response = await client.PostAsync("/accounts/login/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = new string('x', OverOneMegabyte),
            ["Password"] = "x",
        }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AChunkedBodyWithoutALengthIsCutOffAtTheLimitWith413()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var response = await script.Http.PostAsync("/api/test-probes/upload/", Chunked(5 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnEndpointMayAcceptMoreThanTheDefault()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var sized = await script.Http.PostAsync("/api/test-probes/upload/", new ByteArrayContent(new byte[2 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.OK, sized.StatusCode);
        Assert.Contains("\"length\":2097152", await sized.Content.ReadAsStringAsync());
        var chunked = await script.Http.PostAsync("/api/test-probes/upload/", Chunked(3 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.OK, chunked.StatusCode);
    }

    /// <summary>A body of unknown length (sent chunked: no Content-Length).</summary>
    private static StreamContent Chunked(int bytes)
    {
        var content = new StreamContent(new UnseekableStream(new MemoryStream(new byte[bytes])));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
