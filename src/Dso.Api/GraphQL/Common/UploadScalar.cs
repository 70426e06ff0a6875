using GraphQL.Types;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Common;

/// <summary>A file sent with the GraphQL multipart request specification; only ever a variable.</summary>
public sealed class UploadScalar : ScalarGraphType
{
    public UploadScalar()
    {
        Name = "Upload";
        Description = "A file, sent as a part of a multipart request (GraphQL multipart request specification).";
    }

    public override object? ParseLiteral(GraphQLValue value) =>
        value is GraphQLNullValue ? null : throw new FormatException("An Upload is sent as a multipart file part, referenced by a variable.");

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        IFormFile file => file,
        _ => throw new FormatException("An Upload is sent as a multipart file part (see the 'map' field of the request)."),
    };

    public override object? Serialize(object? value) => throw new InvalidOperationException("An Upload is input only.");
}
