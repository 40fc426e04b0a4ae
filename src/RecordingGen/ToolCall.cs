namespace RecordingGen
{
    /// <summary>A call of a tool by the model, as sent in a request's history or returned in a response.</summary>
    public sealed class ToolCall
    {
        /// <summary>Creates a tool call. Generated fixtures create these; tests rarely need to.</summary>
        public ToolCall(string? id, string name, string argumentsJson)
        {
            Id = id;
            Name = name;
            ArgumentsJson = argumentsJson;
        }

        /// <summary>The call's id, which the tool message answering it repeats.</summary>
        public string? Id { get; }

        /// <summary>The name of the tool called.</summary>
        public string Name { get; }

        /// <summary>The arguments as the model wrote them (JSON text, normally an object).</summary>
        public string ArgumentsJson { get; }

        /// <inheritdoc />
        public override string ToString() => Name + "(" + ArgumentsJson + ")";
    }
}
