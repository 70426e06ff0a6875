using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dso.Api.Tests.Auth;

/// <summary>Tokens of the configured identity provider sign users in; any other token is 401.</summary>
[Collection(ApiServerGroup.Name)]
public class JwtAuthenticationTests(ApiServer server)
{
    private static readonly SymmetricSecurityKey TrustedKey = new(Convert.FromBase64String(ApiServer.JwtSigningKey));

    [Fact]
    public async Task AProvidersToken_SignsInTheUserWithItsEmail_OrWithItsSubject()
    {
        var admin = await server.CreateOrganizationAsync("Jeton SAS");
        var user = (await server.PostAsync("mutation { createUser(input: { name: \"Inès Roy\", email: \"ines.roy@jeton.example\", roles: [COLLECTOR] }) { user { id } } }", key: admin))
            .Data("createUser", "user", "id")!.GetValue<string>();
        await server.PostAsync("mutation { createUser(input: { name: \"Paul Sub\", email: \"paul@jeton.example\", roles: [VIEWER], subject: \"idp|4242\" }) { user { id } } }", key: admin);

        var byEmail = await MeAsync(Token(email: "Ines.Roy@Jeton.example"));
        var bySubject = await MeAsync(Token(subject: "idp|4242", email: "someone.else@elsewhere.example"));
        await server.PostAsync("mutation($u: ID!) { archiveUser(input: { id: $u }) { userErrors { code } } }", new { u = user }, admin);
        var archived = await MeAsync(Token(email: "ines.roy@jeton.example"));

        Assert.Equal((200, "Inès Roy"), (byEmail.Status, byEmail.Data("me", "name")!.GetValue<string>()));
        Assert.Equal((200, "Paul Sub"), (bySubject.Status, bySubject.Data("me", "name")!.GetValue<string>()));
        Assert.Equal(401, archived.Status);
    }

    [Theory]
    [InlineData("expired", "The token has expired.")]
    [InlineData("tampered", "The token's signature does not verify.")]
    [InlineData("other key", "The token's signature does not verify.")]
    [InlineData("wrong audience", "The token is for another audience.")]
    [InlineData("wrong issuer", "The token comes from another issuer.")]
    [InlineData("unknown user", "The token is valid but names no user of Dso (or users of several organizations).")]
    [InlineData("unsigned", "The token's signature does not verify.")]
    [InlineData("not a token", "The token is not valid.")]
    public async Task ABadToken_Is401_SayingWhy(string kind, string reason)
    {
        await server.CreateOrganizationAsync("Jeton refusé SAS");
        var token = kind switch
        {
            "expired" => Token(email: "x@y.example", expires: server.Clock.GetUtcNow().AddHours(-1)),
            "tampered" => Tamper(Token(email: "x@y.example")),
            "other key" => Token(email: "x@y.example", key: new SymmetricSecurityKey(new byte[32])),
            "wrong audience" => Token(email: "x@y.example", audience: "another-api"),
            "wrong issuer" => Token(email: "x@y.example", issuer: "https://evil.test"),
            "unknown user" => Token(email: "nobody@nowhere.example"),
            "unsigned" => "eyJhbGciOiJub25lIn0.e30.",
            _ => "not-a-jwt",
        };

        var answer = await MeAsync(token);

        Assert.Equal((401, reason), (answer.Status, answer.FirstErrorMessage));
    }

    private string Token(string? email = null, string? subject = null, DateTimeOffset? expires = null, string audience = ApiServer.JwtAudience,
        string issuer = ApiServer.JwtIssuer, SecurityKey? key = null)
    {
        var now = server.Clock.GetUtcNow();
        var claims = new List<Claim> { new("sub", subject ?? Guid.NewGuid().ToString()) };
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = (expires ?? now.AddMinutes(5)).AddMinutes(-10).UtcDateTime,
            NotBefore = (expires ?? now.AddMinutes(5)).AddMinutes(-10).UtcDateTime,
            Expires = (expires ?? now.AddMinutes(5)).UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? TrustedKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The same token with another email in its payload (the signature no longer matches).</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("x@y.example", "admin@y.example", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private Task<GraphQLAnswer> MeAsync(string token) => server.PostAsync("{ me { name } }", key: token);
}
