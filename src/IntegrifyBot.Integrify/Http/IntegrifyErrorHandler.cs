using System.Net;
using System.Text.Json;
using IntegrifyBot.Integrify.Errors;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// The outermost handler of every Integrify call: an answer that is not a success, and a call that
/// never got one, become one of a few typed exceptions carrying Integrify's own explanation. Nothing
/// from the request (its address may hold an API key) goes into an exception message.
/// </summary>
internal sealed class IntegrifyErrorHandler(IntegrifyCallLoad load, IOptions<IntegrifyOptions> options) : DelegatingHandler
{
    private const int MaxErrorBodyBytes = 16 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (RateLimiterRejectedException exception)
        {
            // The bot's own queue toward Integrify is full: the call never left, and Integrify is not to blame.
            throw new IntegrifyBusyException("The bot has too many calls to Integrify waiting; this one was not sent.", exception);
        }
        catch (TimeoutRejectedException exception) when (load.ExcusesTimeout(options.Value.AttemptTimeout))
        {
            // The process itself ran late meanwhile: the answer may have waited in a socket for a thread.
            // The bot was too busy, which the breaker does not hold against Integrify either.
            throw new IntegrifyBusyException("The bot was too busy to read Integrify's answer in time.", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new IntegrifyUnavailableException(null, "Integrify did not answer in time.", null, null, exception);
        }
        catch (BrokenCircuitException exception)
        {
            throw new IntegrifyUnavailableException(null, "Integrify is failing; calls are paused for a moment.", null, null, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new IntegrifyUnavailableException(null, "Integrify could not be reached.", null, null, exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await ReadErrorAsync(response, cancellationToken);
            var message = body?.Message ?? response.ReasonPhrase ?? "Integrify refused the call.";
            var description = body?.Description;
            throw response.StatusCode switch
            {
                HttpStatusCode.BadRequest => new IntegrifyBadRequestException(response.StatusCode, message, description),
                HttpStatusCode.Unauthorized => new IntegrifyLinkExpiredException(response.StatusCode, message, description),
                HttpStatusCode.Forbidden => new IntegrifyForbiddenException(response.StatusCode, message, description),
                HttpStatusCode.NotFound => new IntegrifyNotFoundException(response.StatusCode, message, description),
                HttpStatusCode.Conflict => new IntegrifyConflictException(message, description, body?.CompletedBy, body?.CompletedDate),
                HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                    new IntegrifyUnavailableException(response.StatusCode, message, description, RetryAfter(response)),
                _ => new IntegrifyException(response.StatusCode, message, description),
            };
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    private static async Task<IntegrifyErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBodyBytes];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return length == 0 ? null : JsonSerializer.Deserialize<IntegrifyErrorBody>(buffer.AsSpan(0, length), IntegrifyJson.Options);
        }
        catch (JsonException)
        {
            // Not Integrify's error shape (a proxy's HTML page, a cut-off body): the status still says enough.
            return null;
        }
    }
}
