using System.Buffers.Text;
using System.Text;
using IntegrifyBot.Integrify.Auth;

namespace IntegrifyBot.UnitTests.Integrify;

public sealed class JwtClaimsTests
{
    [Fact]
    public void Expiry_and_user_name_are_read_from_the_payload()
    {
        var jwt = Jwt("""{"userName":"alexw","exp":1800000000,"aud":"demo"}""");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), JwtClaims.ExpiresAt(jwt));
        Assert.Equal("alexw", JwtClaims.UserName(jwt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("a.!!!.c")]
    public void Anything_that_is_not_a_jwt_has_no_claims(string? jwt)
    {
        Assert.Null(JwtClaims.ExpiresAt(jwt));
        Assert.Null(JwtClaims.UserName(jwt));
    }

    [Fact]
    public void A_payload_without_the_claims_or_not_an_object_has_none()
    {
        Assert.Null(JwtClaims.ExpiresAt(Jwt("""{"userName":5}""")));
        Assert.Null(JwtClaims.UserName(Jwt("""{"userName":5}""")));
        Assert.Null(JwtClaims.ExpiresAt(Jwt("""[1,2]""")));
    }

    internal static string Jwt(string payloadJson) =>
        $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson))}.c2lnbmF0dXJl";
}
