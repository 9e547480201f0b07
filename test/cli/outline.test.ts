/** The bundled curriculum follows the course outline: titles and order, held here, not read from elsewhere. */
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

const OUTLINE: [string, [string, string[]][]][] = [
  ['Foundations of Scalable Systems', [
    ['Compute Infrastructure', ['Virtual machines (VMs)', 'Containers (Docker)', 'Container orchestration (Kubernetes)']],
    ['Networking Fundamentals', ['IP (internet protocol)', 'DNS (domain name system)', 'Load balancing']],
    ['Application Programming Interfaces (APIs)', ['REST (representational state transfer)', 'gRPC (gRPC remote procedure call)']],
    ['Data Storage', ['Storage tiers', 'Databases', 'Caching']],
    ['System Architecture', ['Monolithic architecture', 'Microservices architecture', 'Asynchronous communication']],
  ]],
  ['The Machine Learning Systems Lifecycle', [
    ['Data Engineering for AI', ['Data ingestion', 'Data processing & transformation', 'Data lakes & data warehouses', 'Data versioning (DVC)', 'Feature stores']],
    ['Model Training', ['Experiment tracking (MLflow, Weights & Biases)', 'Distributed training', 'Hyperparameter optimization']],
    ['Model Deployment & Serving', ['Model packaging & registries', 'Serving patterns', 'Serving infrastructure', 'Deployment strategies']],
    ['Model Monitoring & Maintenance', ['The "silent failure" of ML models', 'Monitoring for drift', 'System performance monitoring', 'Feedback loops', 'Explainability & bias detection']],
  ]],
  ['Advanced AI System Architectures & Patterns', [
    ['Big Data Architectural Patterns', ['Lambda architecture', 'Kappa architecture']],
    ['Design Pattern: Real-time Recommendation System', ['Multi-stage recommendation funnel', 'Embedding generation and serving', 'Real-time & batch feature engineering', 'Feature store integration', 'A/B testing framework for ranking models']],
    ['Design Pattern: Retrieval-Augmented Generation (RAG) for LLMs', ['Data ingestion and chunking pipeline', 'Embedding generation for knowledge corpus', 'Vector database indexing and search', 'User query handling', 'Prompt engineering and augmentation', 'LLM invocation and response generation']],
    ['Design Pattern: Computer Vision System', ['Image / video stream ingestion', 'Automated inference pipeline', 'Human-in-the-loop (HITL) subsystem', 'Active learning and retraining feedback loop', 'Massive-scale media storage']],
  ]],
  ['Professional Practice & The Cutting Edge', [
    ['Economics of AI Systems', ['Build vs. buy decision framework', 'Compute cost management', 'Data cost management']],
    ['Responsible AI by Design', ['Privacy', 'Security', 'Fairness & bias', 'Regulatory compliance']],
    ['Performance Optimization', ['Hardware selection tradeoffs', 'Inference optimization techniques']],
    ['Capstone Design Projects', ['Design a ride-hailing ETA and dynamic pricing system', 'Design a real-time ad bidding platform', 'Design a personalized e-commerce search engine']],
  ]],
];

describe('bundled curriculum', () => {
  const { curriculum, problems } = loadCurriculumDir(join(ROOT, 'curriculum'));

  it('loads without problems', () => {
    expect(problems).toEqual([]);
    expect(curriculum).not.toBeNull();
  });

  it('has the outline\'s 4 modules, 17 sections and 61 topics, in order, with its titles', () => {
    const actual = curriculum!.modules.map((m) => [m.title, m.sections.map((s) => [s.title, s.topics.map((t) => t.title)])]);
    expect(actual).toEqual(OUTLINE);
    const topics = curriculum!.modules.flatMap((m) => m.sections.flatMap((s) => s.topics));
    expect(topics).toHaveLength(61);
    expect(topics.map((t) => t.number)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
  });
});
