// engineer gpt owns this file (issue 10 items 5/6): bert model, work in progress.
export {};
