namespace TileServer.Http;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;

/// <summary>The framework's response-compression provider, asked only when <see cref="ContentCoding"/> finds gzip
/// acceptable. On its own it lets "*" win over an explicit "gzip;q=0" (RFC 9110 §12.5.3 says the wildcard only
/// covers codings the field does not name), so text documents were gzipped for a client that refused gzip while
/// tiles were not. A refusal is now honoured for both. The framework still decides among the acceptable codings on its
/// own terms for text: it does not take "x-gzip" for gzip, and it may prefer an identity rated above gzip, where the
/// tile writer sends gzip whenever it is acceptable.</summary>
public sealed class GzipNegotiatingCompressionProvider(IResponseCompressionProvider inner) : IResponseCompressionProvider
{
    public ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ContentCoding.AcceptsGzip(context.Request) ? inner.GetCompressionProvider(context) : null;
    }

    public bool ShouldCompressResponse(HttpContext context) => inner.ShouldCompressResponse(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
}
