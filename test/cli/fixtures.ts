// Postings the CLI tests write into their temporary repositories.

/** A data-scientist title over MLOps duties: title-duty-mismatch. */
export const MISMATCH = '# Senior Data Scientist\n\n## What you will do\n\n- Deploy models on Kubernetes\n- Own CI/CD and Docker images\n- Monitor latency in production\n\nSalary: $150,000 - $180,000 per year.\n';
/** A data-scientist title over data-science duties: no mismatch. */
export const MATCH = '# Data Scientist\n\n- Design A/B tests and present insights to stakeholders\n- Build dashboards in Tableau\n\nPay: $120,000 - $140,000 per year.\n';
