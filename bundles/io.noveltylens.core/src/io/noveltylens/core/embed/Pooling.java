package io.noveltylens.core.embed;

/** How a model's per-token hidden states become one passage vector; a property of how the model was trained. */
public enum Pooling {
    /** Mean of the token states under the attention mask, special tokens included (sentence-transformers' MEAN). */
    MEAN,
    /** The state of the first token ([CLS]), e.g. bge models. */
    CLS
}
