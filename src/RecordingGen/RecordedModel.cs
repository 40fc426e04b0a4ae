namespace RecordingGen
{
    /// <summary>One model of a recorded model list (OpenAI <c>/v1/models</c>, Ollama <c>/api/tags</c> and <c>/api/ps</c>).</summary>
    public sealed class RecordedModel
    {
        /// <summary>Creates a model entry. Generated fixtures create these; tests rarely need to.</summary>
        public RecordedModel(string id, string? ownedBy, long? created)
        {
            Id = id;
            OwnedBy = ownedBy;
            Created = created;
        }

        /// <summary>The model id (Ollama: <c>model</c>, else <c>name</c>).</summary>
        public string Id { get; }

        /// <summary>The owner the API reported (OpenAI <c>owned_by</c>), or null.</summary>
        public string? OwnedBy { get; }

        /// <summary>When the model was created, in Unix seconds (OpenAI <c>created</c>), or null.</summary>
        public long? Created { get; }

        /// <inheritdoc />
        public override string ToString() => Id;
    }
}
